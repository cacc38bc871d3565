package dev.lambdadeploy.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one run produced: facts about the run, then the tables in order. */
public final class Report {

    private final Map<String, String> facts = new LinkedHashMap<>();
    private final List<Table> tables = new ArrayList<>();

    public synchronized void fact(String name, String value) {
        facts.put(name, value);
    }

    public synchronized void add(Table table) {
        tables.add(table);
    }

    public synchronized Map<String, String> facts() {
        return new LinkedHashMap<>(facts);
    }

    public synchronized List<Table> tables() {
        return List.copyOf(tables);
    }
}
