package cn.invoicehelp.escalation;

import java.util.List;

/** A fault report form that cannot be filed as it is; each problem names its field. */
public class FaultReportRejected extends RuntimeException {

    private final transient List<FaultReportProblem> problems;

    public FaultReportRejected(List<FaultReportProblem> problems) {
        super("fault report rejected: " + problems.stream().map(FaultReportProblem::field).toList());
        this.problems = List.copyOf(problems);
    }

    public List<FaultReportProblem> problems() {
        return problems;
    }
}
