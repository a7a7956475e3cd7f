package io.pra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * Every {@code pra} command of docs/SOP_PRA_Procedure.md (code blocks and inline code) parses with the CLI's own
 * command line: the subcommand exists, its options and parameters are the ones the SOP gives. Placeholders
 * ({@code SITE}, {@code <FAILOVER-ID>}, optional {@code [--group GROUP]}) are filled with sample values first.
 */
class SopCommandsTest {

    private static final Path SOP = Path.of("..", "docs", "SOP_PRA_Procedure.md");
    private static final Pattern INLINE = Pattern.compile("`(pra [^`]+)`");
    private static final Pattern BLOCK_LINE = Pattern.compile("^\\s*(pra .+)$");
    private static final Pattern TOKEN = Pattern.compile("\"([^\"]*)\"|(\\S+)");
    private static final Map<String, String> SAMPLES = Map.of("SITE", "a", "ID", "7d0f5b7e-0000-4000-8000-000000000001",
            "TEXT", "a reason", "MODE", "MANUAL", "GROUP", "shop", "FILE", "report.json", "SCENARIO.yaml", "s.yaml");

    @Test
    void everyPraCommandOfTheSopParsesWithTheCli() throws IOException {
        List<String> commands = commands(Files.readString(SOP));

        assertThat(commands).hasSizeGreaterThan(20);
        List<String> refused = new ArrayList<>();
        for (String command : commands) {
            try {
                Pra.commandLine().parseArgs(arguments(command).toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                refused.add(command + "  ->  " + e.getMessage());
            }
        }
        assertThat(refused).as("pra commands of the SOP that the CLI refuses").isEmpty();
        assertThat(commands).as("the SOP covers the operator commands")
                .anySatisfy(command -> assertThat(command).startsWith("pra status"))
                .anySatisfy(command -> assertThat(command).startsWith("pra approve"))
                .anySatisfy(command -> assertThat(command).startsWith("pra abort"))
                .anySatisfy(command -> assertThat(command).startsWith("pra failover"))
                .anySatisfy(command -> assertThat(command).startsWith("pra mode"))
                .anySatisfy(command -> assertThat(command).startsWith("pra drill-now"));
    }

    @Test
    void aCommandTheCliDoesNotHaveIsRefused() {
        assertThat(refuses("pra promote b")).isTrue();
        assertThat(refuses("pra approve")).as("missing ID").isTrue();
        assertThat(refuses("pra mode a SOMETIMES")).isTrue();
        assertThat(refuses("pra abort ID --reason TEXT")).isFalse();
    }

    private static boolean refuses(String command) {
        try {
            Pra.commandLine().parseArgs(arguments(command).toArray(String[]::new));
            return false;
        } catch (CommandLine.ParameterException e) {
            return true;
        }
    }

    /** The arguments after {@code pra}, with optional brackets dropped and placeholders filled. */
    static List<String> arguments(String command) {
        List<String> arguments = new ArrayList<>();
        Matcher token = TOKEN.matcher(command.replaceAll("[\\[\\]]", " ").trim());
        while (token.find()) {
            String value = token.group(1) != null ? token.group(1) : token.group(2);
            if (value.matches("<[A-Z-]+>")) {
                value = value.contains("ID") ? SAMPLES.get("ID") : "x";
            }
            arguments.add(SAMPLES.getOrDefault(value, value));
        }
        return arguments.subList(1, arguments.size());
    }

    static List<String> commands(String markdown) {
        List<String> commands = new ArrayList<>();
        boolean inBlock = false;
        for (String line : markdown.split("\n")) {
            if (line.trim().startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            Matcher matcher = inBlock ? BLOCK_LINE.matcher(line) : INLINE.matcher(line);
            while (matcher.find()) {
                commands.add(matcher.group(1).trim());
            }
        }
        return commands;
    }
}
