package io.pra.notifier;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import io.pra.testkit.sink.SlackSink;
import io.pra.testkit.sink.SmtpSink;

/** What the sinks received about one site. */
final class Inbox {

    private Inbox() {
    }

    /** Slack posts mentioning the text, accepted or not. */
    static List<SlackSink.ReceivedPost> posts(SlackSink slack, String text) {
        return slack.posts().stream().filter(post -> post.body().contains(text)).toList();
    }

    /** Slack posts mentioning the text that the sink accepted. */
    static List<SlackSink.ReceivedPost> accepted(SlackSink slack, String text) {
        return posts(slack, text).stream().filter(SlackSink.ReceivedPost::accepted).toList();
    }

    /** Mails whose subject mentions the text. */
    static List<MimeMessage> mails(SmtpSink smtp, String text) {
        return smtp.messages().stream().filter(message -> subject(message).contains(text)).toList();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text of every part of the given MIME type ({@code text/plain}, {@code text/html}). */
    static List<String> parts(Part part, String mimeType) {
        List<String> found = new ArrayList<>();
        try {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    found.addAll(parts(body, mimeType));
                }
            } else if (part.isMimeType(mimeType)) {
                found.add(part.getContent().toString());
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
