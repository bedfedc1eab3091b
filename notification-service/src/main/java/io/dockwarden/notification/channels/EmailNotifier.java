package io.dockwarden.notification.channels;

import io.dockwarden.notification.alerts.Alert;
import io.dockwarden.notification.delivery.Delivery;
import io.dockwarden.notification.delivery.Notifier;
import io.dockwarden.notification.delivery.Outcome;
import io.dockwarden.notification.routing.ChannelConfig;
import io.dockwarden.notification.routing.Receiver;
import io.dockwarden.notification.templates.Escaping;
import io.dockwarden.notification.templates.NotificationTemplates;
import io.dockwarden.notification.templates.TemplateModel;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail over SMTP with Spring Mail: a multipart/alternative message with a plain-text and an HTML part rendered
 * from templates, and the delivery id in {@code X-Dockwarden-Delivery-Id} for deduplication. STARTTLS can be
 * required, or TLS used from the start (SMTPS). Permanent SMTP answers (5xx), failed authentication and bad addresses
 * fail at once; connection problems and temporary answers (4xx) are retried.
 */
public final class EmailNotifier implements Notifier {

    private final NotificationTemplates templates;
    private final java.util.function.Function<ChannelConfig.Email, SmtpSettings> settings;
    private final Map<SmtpSettings, JavaMailSenderImpl> senders = new ConcurrentHashMap<>();

    public EmailNotifier(NotificationTemplates templates,
            java.util.function.Function<ChannelConfig.Email, SmtpSettings> settings) {
        this.templates = templates;
        this.settings = settings;
    }

    @Override
    public String channel() {
        return "email";
    }

    @Override
    public Outcome send(Delivery delivery, Receiver receiver, ChannelConfig config) {
        ChannelConfig.Email email = (ChannelConfig.Email) config;
        SmtpSettings smtp = settings.apply(email);
        List<Alert> alerts = Payloads.alertsFor(delivery.notification(), email);
        Map<String, Object> model = TemplateModel.of(delivery.notification(), alerts, delivery.id());
        String what = "SMTP server for receiver " + receiver.name();
        try {
            JavaMailSenderImpl sender = senders.computeIfAbsent(smtp, EmailNotifier::sender);
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    "UTF-8");
            helper.setFrom(email.from() != null ? email.from() : smtp.from());
            helper.setTo(email.to().toArray(String[]::new));
            helper.setSubject(templates.render(NotificationTemplates.SUBJECT, email.templates(), model, Escaping.NONE)
                    .strip().replaceAll("\\s+", " "));
            helper.setText(templates.render(NotificationTemplates.TEXT, email.templates(), model, Escaping.NONE),
                    templates.render(NotificationTemplates.HTML, email.templates(), model, Escaping.HTML));
            message.setHeader("X-Dockwarden-Delivery-Id", delivery.id());
            sender.send(message);
            return Outcome.delivered();
        } catch (MailAuthenticationException e) {
            return Outcome.permanent(what + ": authentication failed");
        } catch (MailParseException | MailPreparationException e) {
            return Outcome.permanent(what + ": the message could not be built (" + rootName(e) + ")");
        } catch (MailException e) {
            return classify(what, e);
        } catch (MessagingException e) {
            return Outcome.permanent(what + ": the message could not be built (" + rootName(e) + ")");
        }
    }

    private static Outcome classify(String what, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            Integer code = returnCode(cause);
            if (code != null && code >= 500) {
                return Outcome.permanent(what + " refused the message (SMTP " + code + ")");
            }
            if (code != null && code >= 400) {
                return Outcome.retryable(what + " deferred the message (SMTP " + code + ")");
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return Outcome.retryable(what + ": cannot connect (" + cause.getClass().getSimpleName() + ")");
            }
            if (cause instanceof SocketTimeoutException) {
                return Outcome.retryable(what + ": timed out");
            }
            if (cause instanceof jakarta.mail.AuthenticationFailedException) {
                return Outcome.permanent(what + ": authentication failed");
            }
        }
        return Outcome.retryable(what + ": sending failed (" + rootName(failure) + ")");
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof org.springframework.mail.MailSendException send && !send.getFailedMessages().isEmpty()) {
            Exception nested = send.getFailedMessages().values().iterator().next();
            if (nested != cause) {
                return nested;
            }
        }
        if (cause instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return cause.getCause() == cause ? null : cause.getCause();
    }

    /** The SMTP reply code Angus Mail attaches to its exceptions (its classes are not on the compile path). */
    private static Integer returnCode(Throwable cause) {
        try {
            Object code = cause.getClass().getMethod("getReturnCode").invoke(cause);
            return code instanceof Integer value && value > 0 ? value : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static String rootName(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    private static JavaMailSenderImpl sender(SmtpSettings smtp) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setDefaultEncoding("UTF-8");
        String protocol = smtp.tls() ? "smtps" : "smtp";
        sender.setProtocol(protocol);
        Properties properties = new Properties();
        String timeout = Long.toString(smtp.timeout().toMillis());
        properties.put("mail." + protocol + ".connectiontimeout", timeout);
        properties.put("mail." + protocol + ".timeout", timeout);
        properties.put("mail." + protocol + ".writetimeout", timeout);
        if (smtp.username() != null) {
            sender.setUsername(smtp.username());
            properties.put("mail." + protocol + ".auth", "true");
            if (smtp.password() != null) {
                sender.setPassword(smtp.password().value());
            }
        }
        if (smtp.startTls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        if (smtp.tls()) {
            properties.put("mail.smtps.ssl.enable", "true");
            properties.put("mail.smtps.ssl.checkserveridentity", "true");
        }
        sender.setJavaMailProperties(properties);
        return sender;
    }
}
