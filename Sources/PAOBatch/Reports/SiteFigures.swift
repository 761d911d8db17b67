/// The figures of a site's home page (SPEC §12), over the site's in-scope lines: the renewal
/// pipeline of the next 12 months and the lapsed lines of the last 180 days, by month.
public struct SiteFigures: Sendable, Equatable {
    /// One month of the renewal pipeline.
    public struct PipelineMonth: Sendable, Equatable {
        public var month: Month
        /// Active renewal lines falling due in the month.
        public var lines = 0
        /// Priced renewal amount per currency, in currency order (lines without a price add nothing).
        public var amounts: [Currency: Money] = [:]
    }

    /// One month of lapsed lines.
    public struct LapsedMonth: Sendable, Equatable {
        public var month: Month
        public var lines = 0
    }

    /// The as-of month and the 11 after it.
    public var pipeline: [PipelineMonth]
    /// The months from as-of − 180 days to as-of.
    public var lapsed: [LapsedMonth]

    public static let pipelineMonths = 12
    public static let lapsedDays = 180

    /// Pipeline: in-scope active renewal lines (any renewable type) whose renewal_due_date falls in
    /// the as-of month or the 11 after it, priced as `renewals` prices them. Lapsed: in-scope
    /// latest lines with as-of − 180 ≤ coverage_end < as-of (the `LAPSED` rows of renewals-180),
    /// by month of coverage_end.
    public init(_ view: AsOfView, site: Int32) {
        let first = view.asOf.month
        pipeline = (0..<Self.pipelineMonths).map { PipelineMonth(month: first + $0) }
        let lapsedFrom = view.asOf - Self.lapsedDays
        let lapsedFirst = lapsedFrom.month
        lapsed = (0...Int(first.rawValue - lapsedFirst.rawValue)).map { LapsedMonth(month: lapsedFirst + $0) }
        for i in view.inScopeLines(site) where view.isLatest[Int(i)] {
            let l = view[line: i]
            guard let end = l.coverageEnd, end < Day.max else { continue }
            if end >= view.asOf {
                let due = end + 1
                let k = Int(due.month.rawValue - first.rawValue)
                guard k < Self.pipelineMonths else { continue }
                pipeline[k].lines += 1
                if let price = view.renewalPrice(l, on: due) {
                    pipeline[k].amounts[view[customer: l.customer].currency, default: 0] += price * Money(l.quantity)
                }
            } else if end >= lapsedFrom {
                lapsed[Int(end.month.rawValue - lapsedFirst.rawValue)].lines += 1
            }
        }
    }

    /// Every currency with a priced amount in the pipeline, in code order.
    public var currencies: [Currency] {
        Set(pipeline.flatMap(\.amounts.keys)).sorted { $0.code < $1.code }
    }
}
