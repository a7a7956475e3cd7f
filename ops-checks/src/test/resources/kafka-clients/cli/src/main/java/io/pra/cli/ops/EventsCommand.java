package io.pra.cli.ops;

class EventsCommand {
    void call() {
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "pra-cli-events-" + System.nanoTime());
        consumer.subscribe(Pattern.compile("pra\\.dlq\\..*"));
    }
}
