package io.tienda.notification.delivery.channel;

import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Credentials are sent only after STARTTLS; without credentials the session is left as configured. */
class SmtpSecurityTest {

    @Test
    void withAUsernameTheSessionAuthenticatesAndRequiresStartTls() {
        JavaMailSenderImpl sender = sender("tienda", "", "true");

        SmtpSecurity.secure(sender);

        assertThat(sender.getJavaMailProperties().getProperty("mail.smtp.auth")).isEqualTo("true");
        assertThat(sender.getJavaMailProperties().getProperty("mail.smtp.starttls.required")).isEqualTo("true");
        assertThat(sender.getJavaMailProperties().getProperty("mail.smtp.starttls.enable")).isEqualTo("true");
    }

    @Test
    void requiringStartTlsCanBeLiftedExplicitly() {
        JavaMailSenderImpl sender = sender("tienda", "false", "true");

        SmtpSecurity.secure(sender);

        assertThat(sender.getJavaMailProperties().getProperty("mail.smtp.auth")).isEqualTo("true");
        assertThat(sender.getJavaMailProperties().getProperty("mail.smtp.starttls.required")).isEqualTo("false");
    }

    @Test
    void withoutAUsernameNothingIsRequired() {
        for (String username : new String[] {null, "", " "}) {
            JavaMailSenderImpl sender = sender(username, "", "true");

            SmtpSecurity.secure(sender);

            assertThat(sender.getJavaMailProperties().getProperty("mail.smtp.auth")).isEqualTo("false");
            assertThat(sender.getJavaMailProperties().getProperty("mail.smtp.starttls.required")).isEqualTo("false");
        }
        JavaMailSenderImpl demanding = sender(null, "true", "true");
        SmtpSecurity.secure(demanding);
        assertThat(demanding.getJavaMailProperties().getProperty("mail.smtp.starttls.required")).isEqualTo("true");
    }

    @Test
    void overImplicitTlsCredentialsNeedNoStartTls() {
        JavaMailSenderImpl sender = sender("tienda", "", "true");
        sender.getJavaMailProperties().setProperty("mail.smtp.ssl.enable", "true");

        SmtpSecurity.secure(sender);

        assertThat(sender.getJavaMailProperties().getProperty("mail.smtp.auth")).isEqualTo("true");
        assertThat(sender.getJavaMailProperties().getProperty("mail.smtp.starttls.required")).isEqualTo("false");

        JavaMailSenderImpl demanding = sender("tienda", "true", "true");
        demanding.getJavaMailProperties().setProperty("mail.smtp.ssl.enable", "true");
        SmtpSecurity.secure(demanding);
        assertThat(demanding.getJavaMailProperties().getProperty("mail.smtp.starttls.required")).isEqualTo("true");

        JavaMailSenderImpl plain = sender("tienda", "", "true");
        plain.getJavaMailProperties().setProperty("mail.smtp.ssl.enable", "false");
        SmtpSecurity.secure(plain);
        assertThat(plain.getJavaMailProperties().getProperty("mail.smtp.starttls.required")).isEqualTo("true");
    }

    private static JavaMailSenderImpl sender(String username, String startTlsRequired, String startTls) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setUsername(username);
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.starttls.enable", startTls);
        properties.setProperty("mail.smtp.starttls.required", startTlsRequired);
        sender.setJavaMailProperties(properties);
        return sender;
    }
}
