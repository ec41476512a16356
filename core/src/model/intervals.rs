//! Unions of intervals: busy time, free blocks, invalidated and replaced
//! ranges all need the same sorted, merged form.

/// The sorted union of `(start, end)` intervals; intervals that overlap or
/// touch become one.
pub fn merge_intervals(intervals: impl IntoIterator<Item = (i64, i64)>) -> Vec<(i64, i64)> {
    let mut intervals: Vec<_> = intervals.into_iter().collect();
    intervals.sort_unstable();
    let mut out: Vec<(i64, i64)> = Vec::with_capacity(intervals.len());
    for (start, end) in intervals {
        match out.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_and_touching_intervals_merge() {
        assert_eq!(
            merge_intervals([(5, 7), (0, 2), (2, 3), (6, 9), (11, 12)]),
            vec![(0, 3), (5, 9), (11, 12)]
        );
        assert!(merge_intervals([]).is_empty());
    }
}
