package io.tienda.user.auth.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.user.auth.PasswordPolicy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Authentication", description = "Signing up and signing in")
@RestController
@RequestMapping("/api/v1/auth")
class PasswordPolicyResource {

    private final PasswordPolicy policy;

    PasswordPolicyResource(PasswordPolicy policy) {
        this.policy = policy;
    }

    @Operation(summary = "The rules a new password must satisfy",
            description = "Public, so sign-up and password-change forms can check a password before sending it.")
    @GetMapping("/password-policy")
    public PasswordPolicyView passwordPolicy() {
        return PasswordPolicyView.of(policy);
    }

    record PasswordPolicyView(int minLength, int maxLength, boolean requireUpper, boolean requireLower,
            boolean requireDigit, boolean requireSymbol, boolean rejectsCommonPasswords) {

        static PasswordPolicyView of(PasswordPolicy policy) {
            return new PasswordPolicyView(policy.minLength(), policy.maxLength(), policy.requireUpper(),
                    policy.requireLower(), policy.requireDigit(), policy.requireSymbol(),
                    policy.rejectsCommonPasswords());
        }
    }
}
