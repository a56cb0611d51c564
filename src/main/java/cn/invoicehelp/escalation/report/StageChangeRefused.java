package cn.invoicehelp.escalation.report;

/** Why a fault report refused a stage change; {@code status} is the HTTP status the staff API answers with. */
public final class StageChangeRefused extends RuntimeException {

    private final int status;

    StageChangeRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
