package io.pra.cli.ops;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of the commands that talk to a running PRA: exit 0 done, 1 the service refused or is unreachable. */
public abstract class OperatorCommand implements Callable<Integer> {

    @Mixin
    Endpoints endpoints;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        try {
            run(spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (PraApi.ApiException e) {
            spec.commandLine().getErr().println("pra " + spec.name() + ": " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    abstract void run(PrintWriter out);

    /** A field of a JSON answer as text, "-" when absent. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "-" : value.isValueNode() ? value.asText() : value.toString();
    }

    /** One line per field of an object, for answers whose shape may grow. */
    static void printObject(PrintWriter out, JsonNode node, String indent) {
        node.fields().forEachRemaining(e -> out.printf("%s%-22s %s%n", indent, e.getKey(),
                e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
    }
}
