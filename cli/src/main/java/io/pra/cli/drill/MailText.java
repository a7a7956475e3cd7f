package io.pra.cli.drill;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** The text of an email, whatever its MIME structure, to compare messages. */
final class MailText {

    private MailText() {
    }

    static String of(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(of(multipart.getBodyPart(i)));
            }
            return text.toString();
        }
        return String.valueOf(content);
    }
}
