package io.jenkins.plugins.lambdadeploy.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** How an alias is pointed at a version, as the steps that move aliases take it: at once, or shifted gradually. */
public interface AliasFields {

    @CheckForNull
    String getAlias();

    boolean isCreateIfMissing();

    @CheckForNull
    String getAliasRevisionId();

    /** A preset such as Canary10Percent5Minutes, or steps such as 10%:5m,50%:10m; none points the alias at once. */
    @CheckForNull
    String getShift();

    /** CloudWatch alarm names, comma- or line-separated. */
    @CheckForNull
    String getAlarms();

    /** {@code fail} or {@code unstable}. */
    @CheckForNull
    String getOnAlarm();

    /** Seconds between two reads of the alarms during a shift. */
    int getAlarmPollInterval();
}
