/// Reads a flat feed file without checking its values: the parse-only speed the benchmarks print.
public enum FeedParseBenchmark {
    /// Records and decompressed bytes of a CSV or XML feed file.
    public static func parse(path: String) throws(FeedError) -> (records: Int, bytes: Int) {
        let name = String(path.split(separator: "/").last!)
        guard let feed = FeedName.allCases.first(where: { name.hasPrefix($0.rawValue + ".") }),
            feed != .saas_provisioning
        else {
            throw FeedError(.missing, file: name, "not a feed file name")
        }
        var records = 0
        let file = FeedFile(feed: feed, path: path, format: name.contains(".xml") ? .xml : .csv)
        let source = try FlatFeedReader(file: file, columns: feed.columns).forEach { _ in records += 1 }
        return (records, source.streamBytes)
    }
}
