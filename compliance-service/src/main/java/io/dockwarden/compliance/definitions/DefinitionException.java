package io.dockwarden.compliance.definitions;

/** A definition file that cannot be accepted; carries where and why. */
public final class DefinitionException extends RuntimeException {

    private final DefinitionProblem problem;

    public DefinitionException(DefinitionProblem problem) {
        super(problem.toString(), null, false, false);
        this.problem = problem;
    }

    public DefinitionException(String file, int line, String reason) {
        this(new DefinitionProblem(file, line, reason));
    }

    public DefinitionProblem problem() {
        return problem;
    }
}
