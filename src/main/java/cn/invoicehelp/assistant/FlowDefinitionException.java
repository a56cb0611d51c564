package cn.invoicehelp.assistant;

/** A flow or intent file that cannot work; the message names the file and the step so an author can fix it. */
class FlowDefinitionException extends IllegalStateException {

    FlowDefinitionException(String file, String where, String problem) {
        super(file + (where == null ? "" : ", " + where) + ": " + problem);
    }
}
