package io.tienda.user.account.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.user.account.Caller;
import io.tienda.user.account.Privacy;
import io.tienda.user.account.Profiles;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

@Tag(name = "Users", description = "Accounts and profiles")
@RestController
@RequestMapping("/api/v1/users/me")
class AccountResource {

    private final Profiles profiles;
    private final Privacy privacy;
    private final Caller caller;

    AccountResource(Profiles profiles, Privacy privacy, Caller caller) {
        this.profiles = profiles;
        this.privacy = privacy;
        this.caller = caller;
    }

    @Operation(summary = "The caller's own profile",
            description = "The account the access token was issued for; 404 when that account does not exist "
                    + "(any more), is deactivated or erased.")
    @GetMapping
    public Profile me() {
        return Profile.of(profiles.get(caller.userId()));
    }

    @Operation(summary = "Change the caller's profile",
            description = "JSON merge patch: send only the fields to change; null clears name or phone. Giving or "
                    + "withdrawing marketing consent is recorded with its time.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = ProfilePatch.class))))
    @PatchMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    public Profile update(@RequestBody JsonNode body) {
        return Profile.of(profiles.update(caller.userId(), ProfilePatch.read(body)));
    }

    @Operation(summary = "Download everything user-service holds about the caller (GDPR)",
            description = "Profile, addresses, consent history, sessions and sign-in history, as a JSON attachment.")
    @GetMapping("/export")
    public ResponseEntity<Privacy.Export> export() {
        UUID userId = caller.userId();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("tienda-account-" + userId + ".json").build().toString())
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON)
                .body(privacy.export(userId));
    }

    @Operation(summary = "Erase the caller's account (GDPR)",
            description = "Anonymises the account, deletes addresses, consents and sessions, and tells the other "
                    + "services (event user.erased). Cannot be undone.")
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void erase() {
        privacy.erase(caller.userId());
    }
}
