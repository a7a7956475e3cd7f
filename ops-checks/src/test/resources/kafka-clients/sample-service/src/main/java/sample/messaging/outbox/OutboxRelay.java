package sample.messaging.outbox;

class OutboxRelay {
    Object producer = new KafkaProducer<>(properties);
}
