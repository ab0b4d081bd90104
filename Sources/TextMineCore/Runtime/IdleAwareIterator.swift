/// An iterator over input that may arrive slowly: standard input fed by `tail -f` or a queue
/// consumer. Before it waits to fill a batch, ``PipelineRunner`` asks whether more is coming, and
/// processes what it holds when the input goes idle, so each article comes back within a fraction of
/// a second instead of when the batch is full or the input closes.
public protocol IdleAwareIterator: IteratorProtocol<InputItem> {
    /// Whether ``next()`` has an item now or within `seconds`; false while the input is idle.
    ///
    /// It must not change what ``next()`` returns (the runner may ask a copy of the iterator, so
    /// implementations keep the state they read ahead in a reference).
    func hasItem(within seconds: Double) -> Bool
}
