package org.convoy.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's own infrastructure: data that survives a restart, and mail that a person can read. */
class InfrastructureTest {

    @TempDir
    Path dataDir;

    @Test
    void theMongoWireStoreKeepsDataAcrossARestart() {
        int port = Ports.anyFree();
        try (MongoStore store = new MongoStore(port, dataDir)) {
            store.start();
            try (MongoClient client = MongoClients.create(store.uri("convoy-registration"))) {
                client.getDatabase("convoy-registration").getCollection("delegates")
                        .insertOne(new Document("_id", "d-1").append("givenName", "María"));
            }
        }

        try (MongoStore store = new MongoStore(port, dataDir)) {
            store.start();
            try (MongoClient client = MongoClients.create(store.uri("convoy-registration"))) {
                Document found = client.getDatabase("convoy-registration").getCollection("delegates")
                        .find(new Document("_id", "d-1")).first();
                assertThat(found).isNotNull();
                assertThat(found.getString("givenName")).isEqualTo("María");
            }
        }
    }

    @Test
    void mailSentOverSmtpIsListedOnTheMailPage() throws Exception {
        int smtp = Ports.anyFree();
        try (MailCatcher mail = new MailCatcher(smtp, Ports.anyFree())) {
            mail.start();
            Properties props = new Properties();
            props.put("mail.smtp.host", "localhost");
            props.put("mail.smtp.port", String.valueOf(smtp));
            MimeMessage message = new MimeMessage(Session.getInstance(props));
            message.setFrom(new InternetAddress("avisos@convoy.local"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("maria@zapopan.gob.mx"));
            message.setSubject("Recibimos tu registro <María>", "UTF-8");
            message.setText("Hola María", "UTF-8");
            Transport.send(message);

            String page = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(mail.pageUrl())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            String messages = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(mail.pageUrl() + "messages")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();

            assertThat(page).contains("Recibimos tu registro &lt;María&gt;", "maria@zapopan.gob.mx", "Hola María");
            assertThat(messages).contains("\"subject\":\"Recibimos tu registro <María>\"", "\"text\":\"Hola María\"");
        }
    }
}
