package io.tienda.platform.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every conversion StrictJson names is refused with the field's path; values of their own type still read. */
class StrictJsonTest {

    enum Kind { PERCENT, FIXED }

    record Body(String text, Integer count, Long amount, Boolean flag, Kind kind, UUID id, Instant at, LocalDate day,
            Year year, List<String> tags) {
    }

    private static final JsonMapper JSON = strict();

    private static JsonMapper strict() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new StrictJson().customize(builder);
        return builder.build();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"text\": true}", "{\"text\": 12}", "{\"text\": 1.5}", "{\"tags\": [1]}",
            "{\"count\": \"5\"}", "{\"count\": 1.5}", "{\"count\": 2.0}", "{\"count\": \"\"}", "{\"amount\": 19.99}",
            "{\"flag\": \"true\"}", "{\"flag\": 1}", "{\"flag\": \"\"}",
            "{\"kind\": 0}", "{\"kind\": \"\"}", "{\"id\": \"\"}", "{\"id\": 12}",
            "{\"at\": 0}", "{\"at\": 1764806400000}", "{\"at\": 1.5}", "{\"at\": \"\"}",
            "{\"day\": 20260101}", "{\"day\": [2026, 1, 1]}", "{\"day\": \"\"}",
            "{\"at\": \"+99999-01-01T00:00:00Z\"}", "{\"at\": \"-0001-01-01T00:00:00Z\"}",
            "{\"at\": \"0000-12-31T23:00:00Z\"}", "{\"at\": \"9999-12-31T23:00:00-05:00\"}",
            "{\"day\": \"+10000-01-01\"}", "{\"day\": \"0000-01-01\"}"})
    void aValueOfAnotherTypeIsRefusedNamingItsField(String json) {
        String field = json.substring(2, json.indexOf('"', 2));

        assertThatThrownBy(() -> JSON.readValue(json, Body.class))
                .isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(((MismatchedInputException) e).getPath().get(0).getPropertyName())
                        .isEqualTo(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"count\": 1, \"count\": 100}", "{\"text\": \"a\", \"count\": 1, \"text\": \"a\"}",
            "{\"tags\": [], \"at\": null, \"tags\": [\"x\"]}"})
    void aFieldSentTwiceIsRefusedRatherThanTheLastCopyWinning(String json) {
        assertThatThrownBy(() -> JSON.readValue(json, Body.class))
                .isInstanceOf(StreamReadException.class)
                .satisfies(e -> assertThat(StrictJson.duplicateField(e)).isPresent());
    }

    @Test
    void otherReadErrorsAreNotTakenForADuplicate() {
        assertThatThrownBy(() -> JSON.readValue("{\"count\": 1,", Body.class))
                .satisfies(e -> assertThat(StrictJson.duplicateField(e)).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"text\": null, \"count\": null, \"at\": null}"})
    void absentAndNullFieldsStayNull(String json) {
        assertThat(JSON.readValue(json, Body.class))
                .isEqualTo(new Body(null, null, null, null, null, null, null, null, null, null));
    }

    @Test
    void valuesOfTheirOwnTypeAreRead() {
        UUID id = UUID.randomUUID();
        Body body = JSON.readValue("""
                {"text": "", "count": 5, "amount": 1999, "flag": false, "kind": "FIXED", "id": "%s",
                 "at": "2026-12-04T10:00:00+01:00", "day": "2026-12-04", "year": 2026, "tags": ["a", ""]}"""
                .formatted(id), Body.class);

        assertThat(body).isEqualTo(new Body("", 5, 1999L, false, Kind.FIXED, id, Instant.parse("2026-12-04T09:00:00Z"),
                LocalDate.of(2026, 12, 4), Year.of(2026), List.of("a", "")));
    }

    @Test
    void theFirstAndLastYearsAreRead() {
        assertThat(JSON.readValue("{\"at\": \"0001-01-01T00:00:00Z\", \"day\": \"9999-12-31\"}", Body.class))
                .isEqualTo(new Body(null, null, null, null, null, null, Instant.parse("0001-01-01T00:00:00Z"),
                        LocalDate.of(9999, 12, 31), null, null));
    }
}
