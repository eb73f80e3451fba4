package io.tienda.notification.delivery.channel;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.util.Properties;

/**
 * Credentials never travel in clear. When {@code spring.mail.username} is set, the session
 * authenticates ({@code mail.smtp.auth=true}) and requires STARTTLS before it does
 * ({@code mail.smtp.starttls.required=true}), unless {@code SMTP_STARTTLS_REQUIRED} says otherwise,
 * e.g. for a trusted local link. Over implicit TLS ({@code SMTP_SSL=true}, {@code mail.smtp.ssl.enable})
 * the whole connection is TLS already, so STARTTLS, which such a relay does not offer, is not required
 * unless {@code SMTP_STARTTLS_REQUIRED} asks for it. Without a username nothing changes: the session
 * uses STARTTLS when the relay offers it ({@code SMTP_STARTTLS}, default true) and sends without
 * authentication, as to the local fleet's server.
 */
@Configuration(proxyBeanMethods = false)
class SmtpSecurity {

    static final String AUTH = "mail.smtp.auth";
    static final String STARTTLS_REQUIRED = "mail.smtp.starttls.required";
    static final String IMPLICIT_TLS = "mail.smtp.ssl.enable";

    @Bean
    static BeanPostProcessor smtpCredentialsOverTls() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof JavaMailSenderImpl sender) {
                    secure(sender);
                }
                return bean;
            }
        };
    }

    static void secure(JavaMailSenderImpl sender) {
        Properties properties = sender.getJavaMailProperties();
        boolean credentials = sender.getUsername() != null && !sender.getUsername().isBlank();
        if (blank(properties.getProperty(AUTH))) {
            properties.setProperty(AUTH, Boolean.toString(credentials));
        }
        boolean implicitTls = Boolean.parseBoolean(properties.getProperty(IMPLICIT_TLS, "false").strip());
        if (blank(properties.getProperty(STARTTLS_REQUIRED))) {
            properties.setProperty(STARTTLS_REQUIRED, Boolean.toString(credentials && !implicitTls));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
