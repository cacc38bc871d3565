package dev.lambdadeploy.simulator;

/** Why a create or update ended Failed. */
record Failure(String reasonCode, String reason) {}
