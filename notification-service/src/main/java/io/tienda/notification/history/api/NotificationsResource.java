package io.tienda.notification.history.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.notification.history.domain.NotificationHistory;
import io.tienda.platform.core.Page;
import io.tienda.platform.core.Roles;
import io.tienda.platform.security.CurrentUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "Messages sent to customers")
class NotificationsResource {

    /** Who may read a customer's history: support and administrators; unlike {@link Roles#STAFF}, no managers. */
    private static final Set<String> HISTORY_READERS = Set.of(Roles.SUPPORT, Roles.ADMIN);

    private final NotificationHistory history;
    private final CurrentUser currentUser;

    NotificationsResource(NotificationHistory history, CurrentUser currentUser) {
        this.history = history;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Operation(summary = "List notifications sent to me",
            description = "The caller's notification history, newest first. Support and admins may pass "
                    + "recipientId to read a customer's history; anyone else asking for another recipient "
                    + "gets 404.")
    Page<NotificationResponse> list(
            @Parameter(description = "Whose history to read (staff only); defaults to the caller")
            @RequestParam(required = false) @Size(min = 1, max = 128) String recipientId,
            @Parameter(description = "Zero-based page number")
            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @Parameter(description = "Notifications per page, 1 to 100")
            @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        String recipient = recipientId == null ? currentUser.requireId() : recipientId;
        currentUser.requireOwnerOr(recipient, "recipient", recipient, HISTORY_READERS);
        return history.forRecipient(recipient, page, size).map(NotificationResponse::of);
    }
}
