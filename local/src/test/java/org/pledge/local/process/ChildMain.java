package org.pledge.local.process;

import java.util.ArrayList;
import java.util.List;

/**
 * A tiny child JVM for the supervisor test. Arguments: {@code grandchild} also starts one more JVM running
 * this class; {@code stubborn} makes SIGTERM hang in a shutdown hook so only a kill ends it.
 */
public final class ChildMain {

    public static void main(String[] args) throws Exception {
        List<String> flags = List.of(args);
        if (flags.contains("stubborn")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException ignored) {
                    // killed
                }
            }));
        }
        if (flags.contains("grandchild")) {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(ChildMain.class.getName());
            if (flags.contains("stubborn")) {
                command.add("stubborn");
            }
            Process grandchild = new ProcessBuilder(command).inheritIO().start();
            System.out.println("grandchild " + grandchild.pid());
        }
        System.out.println("child ready " + ProcessHandle.current().pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
