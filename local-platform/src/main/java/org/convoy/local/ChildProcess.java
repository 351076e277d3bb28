package org.convoy.local;

/** A process the launcher started and watches: a service instance, a broker of a Kafka cluster, or Zipkin. */
interface ChildProcess {

    String name();

    boolean isAlive();

    int exitCode();

    /** Its current process. */
    Process process();
}
