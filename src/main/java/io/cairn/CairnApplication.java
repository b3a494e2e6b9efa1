package io.cairn;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Cairn, the security incident management server: starts every module in one process. */
@SpringBootApplication
@EnableScheduling
public class CairnApplication {

    public static void main(String[] args) {
        SpringApplication.run(CairnApplication.class, args);
    }
}
