/// Orders by the first of several comparisons (-1, 0, 1) that is not 0.
@inline(__always)
func ordered(_ comparisons: Int...) -> Bool {
    for c in comparisons where c != 0 { return c < 0 }
    return false
}
