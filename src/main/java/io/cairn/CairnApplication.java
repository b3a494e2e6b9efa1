package io.cairn;

import io.cairn.trace.TraceCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Cairn, the security incident management server: starts every module in one process. */
@SpringBootApplication
@EnableScheduling
public class CairnApplication {

    /**
     * Starts the server; {@code trace ...} runs the chain auditor's command instead ({@link TraceCommand}), without
     * starting anything.
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("trace")) {
            System.exit(TraceCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(CairnApplication.class, args);
    }
}
