package io.pra.opschecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@code pra} command in docs/SOP_PRA_Procedure.md (code blocks and inline code) is one of the CLI's
 * operator commands with its arguments in the right form. Checked against the CLI's own help once the
 * operator commands land in cli/.
 */
class SopCommandsTest {

    private static final String SITE = "(?:SITE|[a-z][a-z0-9-]*)";
    private static final String ID = "(?:ID|<[A-Z-]+>|[0-9a-f-]{8,})";
    private static final String TEXT = "(?:TEXT|\"[^\"]+\")";
    private static final Map<String, Pattern> GRAMMAR = Map.of(
            "status", Pattern.compile(""),
            "failover", Pattern.compile(SITE + " --reason " + TEXT),
            "approve", Pattern.compile(ID),
            "abort", Pattern.compile(ID + " --reason " + TEXT),
            "mode", Pattern.compile(SITE + " (?:MODE|AUTO|MANUAL|OFF)(?: \\(AUTO, MANUAL, OFF\\))?"),
            "backups", Pattern.compile("(?:--group (?:GROUP|[a-z][a-z0-9-]*))?"),
            "drill-now", Pattern.compile(SITE),
            "events", Pattern.compile("(?:--follow)?"),
            "drill", Pattern.compile("(?:\\S+\\.yaml ?)?(?:--report \\S+)?"));
    private static final Pattern INLINE = Pattern.compile("`(pra [^`]+)`");
    private static final Pattern BLOCK_LINE = Pattern.compile("(?m)^\\s*(pra .+)$");

    @Test
    void everyPraCommandOfTheSopIsAKnownCommandWithValidArguments() {
        String sop = Repo.read(Repo.path("docs/SOP_PRA_Procedure.md"));
        List<String> commands = commands(sop);
        assertThat(commands).hasSizeGreaterThan(20);
        List<String> wrong = commands.stream().filter(command -> !valid(command)).toList();
        assertThat(wrong).as("pra commands of the SOP that the CLI does not have").isEmpty();
        assertThat(commands).as("every operator command is in the SOP").anySatisfy(c -> assertThat(c).startsWith("pra approve"))
                .anySatisfy(c -> assertThat(c).startsWith("pra abort"))
                .anySatisfy(c -> assertThat(c).startsWith("pra failover"))
                .anySatisfy(c -> assertThat(c).startsWith("pra drill-now"));
    }

    static boolean valid(String command) {
        String[] parts = command.replaceAll("[\\[\\]]", "").trim().split(" ", 3);
        Pattern arguments = GRAMMAR.get(parts[1]);
        return arguments != null && arguments.matcher(parts.length > 2 ? parts[2].trim() : "").matches();
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
