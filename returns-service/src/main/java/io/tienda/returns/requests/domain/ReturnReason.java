package io.tienda.returns.requests.domain;

/** Why the items go back; a fixed list so that returns can be counted by cause. */
public enum ReturnReason {
    DAMAGED,
    DEFECTIVE,
    WRONG_ITEM,
    NOT_AS_DESCRIBED,
    SIZE_OR_FIT,
    NO_LONGER_NEEDED,
    OTHER
}
