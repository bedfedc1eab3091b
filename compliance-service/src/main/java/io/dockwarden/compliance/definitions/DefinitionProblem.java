package io.dockwarden.compliance.definitions;

/**
 * Why a definition file was rejected.
 *
 * @param file the file, as the operator named it
 * @param line the 1-based line, 0 when the problem concerns the whole file
 * @param reason what is wrong, in terms the operator can act on
 */
public record DefinitionProblem(String file, int line, String reason) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
}
