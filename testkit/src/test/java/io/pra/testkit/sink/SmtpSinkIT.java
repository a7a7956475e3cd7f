package io.pra.testkit.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

class SmtpSinkIT {

    private final SmtpSink sink = SmtpSink.start();

    @AfterEach
    void closeSink() {
        sink.close();
    }

    @Test
    void receivesMailOverSmtp() throws Exception {
        send("PRA: site a down", "Failover decided.");

        assertThat(sink.messages()).singleElement().satisfies(message -> {
            assertThat(message.getSubject()).isEqualTo("PRA: site a down");
            assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly("ops@example.org");
            assertThat(((String) message.getContent()).trim()).isEqualTo("Failover decided.");
        });
    }

    @Test
    void resetForgetsMessages() throws Exception {
        send("one", "1");

        sink.reset();

        assertThat(sink.messages()).isEmpty();
    }

    private void send(String subject, String body) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", sink.host());
        props.put("mail.smtp.port", String.valueOf(sink.port()));
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("pra@example.org"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("ops@example.org"));
        message.setSubject(subject);
        message.setText(body);
        Transport.send(message);
    }
}
