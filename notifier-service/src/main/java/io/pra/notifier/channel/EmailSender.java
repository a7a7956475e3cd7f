package io.pra.notifier.channel;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.pra.notifier.config.NotifierConfig;
import io.pra.notifier.domain.Notification;
import io.pra.notifier.domain.SendOutcome;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;

/** Email through Quarkus Mailer (SMTP): HTML and plain-text bodies from Qute templates. */
@ApplicationScoped
@TemplateData(target = Notification.class)
@TemplateData(target = Notification.Fact.class)
public class EmailSender implements ChannelSender {

    private final Mailer mailer;
    private final Template html;
    private final Template text;
    private final String smtpPassword;

    EmailSender(Mailer mailer, @Location("notification.html") Template html,
            @Location("notification.txt") Template text,
            @ConfigProperty(name = "quarkus.mailer.password") Optional<String> smtpPassword) {
        this.mailer = mailer;
        this.html = html;
        this.text = text;
        this.smtpPassword = smtpPassword.orElse(null);
    }

    @Override
    public String type() {
        return "email";
    }

    @Override
    public SendOutcome send(NotifierConfig.Channel settings, List<OutgoingEvent> events) {
        List<String> recipients = settings.to().orElse(List.of());
        if (recipients.isEmpty()) {
            return SendOutcome.reject("email channel has no recipients (to) configured");
        }
        List<Notification> notifications = events.stream().map(OutgoingEvent::notification).toList();
        Notification first = notifications.get(0);
        String headline = notifications.size() == 1 ? first.title() : notifications.size() + " × " + first.title();
        String severity = first.severity().name().toLowerCase(Locale.ROOT);
        Mail mail = new Mail().setTo(recipients)
                .setSubject("[" + first.severity().name() + "] site " + first.site() + ": " + headline)
                .setHtml(render(html, headline, first, severity, notifications))
                .setText(render(text, headline, first, severity, notifications));
        try {
            mailer.send(mail);
            return SendOutcome.delivered();
        } catch (RuntimeException e) {
            String reason = e.getCause() != null ? e.getCause().toString() : e.toString();
            return SendOutcome.retry("SMTP: " + Redaction.scrub(reason, smtpPassword), Optional.empty());
        }
    }

    private static String render(Template template, String headline, Notification first, String severity,
            List<Notification> notifications) {
        return template.data("headline", headline).data("site", first.site()).data("severity", severity)
                .data("colour", SlackSender.colour(first.severity())).data("notifications", notifications).render();
    }
}
