package dev.lambdadeploy.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A successful API answer. */
record ApiResponse(int status, ObjectNode body) {}
