import Testing

@testable import GopherCore

@Test func trimmingDropsOnlyTheGivenCharactersAtTheEnds() {
    #expect("  a b \t".trimmingCharacters(in: " \t") == "a b")
    #expect("xxaxx".trimmingCharacters(in: "x") == "a")
    #expect("   ".trimmingCharacters(in: " ") == "")
}

@Test func paddingMakesAColumnWithAtLeastOneSpace() {
    #expect("URL".padded(to: 6) == "URL   ")
    #expect("resolve".padded(to: 4) == "resolve ")
}
