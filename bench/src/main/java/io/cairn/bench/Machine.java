package io.cairn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the benchmark ran on, read from /proc and /etc where they exist. */
record Machine(String cpu, int cores, String memory, String os, String jdk) {

    static Machine describe() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
        String family = firstValue(Path.of("/proc/cpuinfo"), "cpu family").orElse(null);
        String model = firstValue(Path.of("/proc/cpuinfo"), "model").orElse(null);
        if (family != null && model != null) {
            cpu = cpu + " (family " + family + ", model " + model + ")";
        }
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(kib -> String.format("%.1f GiB", Long.parseLong(kib.replaceAll("[^0-9]", "")) / 1048576.0))
                .orElse("?");
        String os = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME").map(name -> name.replace("\"", ""))
                .orElse(System.getProperty("os.name")) + ", Linux " + System.getProperty("os.version");
        String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        return new Machine(cpu, Runtime.getRuntime().availableProcessors(), memory, os, jdk);
    }

    private static java.util.Optional<String> firstValue(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                int separator = line.indexOf(':') >= 0 && !file.endsWith("os-release") ? line.indexOf(':')
                        : line.indexOf('=');
                if (separator > 0 && line.substring(0, separator).trim().equals(key)) {
                    return java.util.Optional.of(line.substring(separator + 1).trim());
                }
            }
        } catch (IOException e) {
            // not on Linux
        }
        return java.util.Optional.empty();
    }
}
