package vn.khuyenhoc.cdht.transfer;

/** The file as a whole cannot be imported (format, size, header): a message key and its arguments. */
class FileProblem extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    FileProblem(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments;
    }
}
