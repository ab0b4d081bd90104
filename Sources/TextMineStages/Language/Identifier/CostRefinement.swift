/// Discriminative passes over naive Bayes weights (an averaged perceptron, as in fastText's and
/// CLD3's linear models): naive Bayes learns each class from its own text only, so a class with
/// little text (Galician among the other languages) loses to a neighbour with much (Spanish) on
/// every word the small sample missed. Each pass reads the training texts (and their first 20 and
/// 40 characters, which a short snippet is) and moves the weights of the features of each
/// misidentified one towards its class and away from the class it was taken for.
struct CostRefinement {
    /// Passes over the texts.
    var epochs: Int
    /// Nats moved per feature of a misidentified text.
    var rate: Float
    /// Seeds the order of the texts in each pass.
    var seed: UInt64 = 0x7E47_1D00

    /// Refines `weights` (log-probabilities, `classes` per row) in place; returns them averaged over
    /// every step (an averaged perceptron, less sensitive to the last texts read).
    /// - Parameters:
    ///   - labels: each text's class; classes from `languages` on are other languages, whose
    ///     scores carry `otherBias` nats per feature as in identification, and between which
    ///     confusions do not matter (all are `und`).
    func refine(_ weights: inout [Float], classes: Int, languages: Int, otherBias: Double,
                texts: [String], labels: [Int], features: NgramFeatures) {
        guard epochs > 0, !texts.isEmpty else { return }
        var sums = [Float](repeating: 0, count: weights.count)
        var generator = SplitMix64(seed: seed)
        var order = Array(texts.indices)
        var rows: [Int] = []
        var scores = [Float](repeating: 0, count: classes)
        var step: Float = 1
        let bias = Float(otherBias)
        for _ in 0..<epochs {
            order.shuffle(using: &generator)
            for index in order {
                let label = labels[index]
                for cut in [Int?.none, 40, 20] {
                    var text = cut.map { String(String.UnicodeScalarView(texts[index].unicodeScalars.prefix($0))) } ?? texts[index]
                    if let cut, text.unicodeScalars.count < cut { continue }
                    rows.removeAll(keepingCapacity: true)
                    text.withUTF8 { bytes in
                        var units = TextUnits(bytes)
                        var hasher = features.hasher()
                        while let unit = units.next() { _ = hasher.push(unit) { rows.append($0) } }
                    }
                    guard !rows.isEmpty else { continue }
                    for index in 0..<classes { scores[index] = index >= languages ? -bias * Float(rows.count) : 0 }
                    weights.withUnsafeBufferPointer { weights in
                        for row in rows {
                            let base = row &* classes
                            for index in 0..<classes { scores[index] += weights[base &+ index] }
                        }
                    }
                    var predicted = 0
                    for index in 1..<classes where scores[index] > scores[predicted] { predicted = index }
                    if predicted != label, label < languages || predicted < languages {
                        let delta = rate
                        let credit = rate * step
                        for row in rows {
                            let base = row &* classes
                            weights[base &+ label] += delta
                            weights[base &+ predicted] -= delta
                            sums[base &+ label] += credit
                            sums[base &+ predicted] -= credit
                        }
                    }
                    step += 1
                }
            }
        }
        for index in weights.indices { weights[index] -= sums[index] / step }
    }
}
