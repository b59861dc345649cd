import Foundation

/// Real pictures for tests, made once with Pillow (a 64×48 picture: a yellow disc and a red
/// block on blue), kept as bytes so no tool is needed to make them at test time.
public enum TestImages {
    public static let png: [UInt8] = decode(
        "iVBORw0KGgoAAAANSUhEUgAAAEAAAAAwCAIAAAAuKetIAAAA5UlEQVR42u2asRGDMAxFsU5V6gyRKpMwRCZJwSQMkUkyDHUGSO6I" +
        "7f9lg79K7pD19IVkA+l6W6cjm00HNwEIQAACaGteef97fX5fvD+WMIBUNsh+xt2EJBvgz9DDMIwdffFdYAUgQTCksMgUMqQYYA5g" +
        "0wYXweJFx/o8dQnx2h/Q8/B7IYi9tmxB5suyowB1fAL96zwgAAEIoFMA9mkQ5V8l1DMAr4qAns9eQgwRsD4teD14RsboQqi0MQrS" +
        "s9Yu3sTzGpoFxEEd6l4WTT9vp72yJJp/H/AOn0u1UQFEWtLPHgKosw9yx0T07MOh3wAAAABJRU5ErkJggg==")
    public static let gif: [UInt8] = decode(
        "R0lGODdhQAAwAIEAAObIHhQooMgeHgAAACwAAAAAQAAwAEAI7QADCBxIsKDBgwgTKlzI8CCAhxABNJxIkWDEixgzZqzIUaPHjxgH" +
        "ChhJsqTJkQ1BqgxJ8KTLkhwdspz4smbMmzhzClz5USdFnkAftqzpkmFQoEOJmqx4dGZBpSd9SoW6VKrVq1izMg2qdWLTjV0LflUZ" +
        "NsDYlSKpklx4lqxAtWvZttWYVO3PuRINwkUZ8+jCvQLKUgQsuLDhw4gTK17MGCHaxmKbNsab9zBloYYvQyysOWLZzhfTwpULGnMA" +
        "wgpLb367l3Rp0XZda65LNWXnp61tU9abW3fbg6i3+k0YvK/bv70hn04Oubjy54kDAgA7")
    public static let jpg: [UInt8] = decode(
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxO" +
        "UlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09P" +
        "T09PT09PT0//wAARCAAwAEADASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUF" +
        "BAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVW" +
        "V1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi" +
        "4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAEC" +
        "AxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVm" +
        "Z2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq" +
        "8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDjqKK19B0RtWd3eQxQRkAsFyWPoO3T8sjiver16eHpupUdkjljFydkZFFenWen2diALW2j" +
        "jOCNwGWIznBJ5NOurO2vE23UEcowQNy5Iz1we34V86+JqfPZU3bvfX7v+Cdf1N23PL6K3/EPh8achu7Vi1uXwUIJMeenPcZ459ut" +
        "YFfQYXFU8TTVSk7o5ZwcHZhRRRXQSFenabaix06C2AGY0AbBJBbqTz75rzGvULK5W8soblMYlQNgNnB7jPseK+X4mc/Z00tru/r0" +
        "/U7MHa7J6KKK+QPQGSxJNC8Uo3JIpVhnGQeDXmjWbJczQO4DQuUJHIJBI/pXprsqIzuwVVGSxOAB615ws32m8urjbt82QvtznGST" +
        "ivoMlq1adKtKD0Vvvv8A5ERpQq14Qmrp3/Ii+x/9NP0qOaDykDbs846Veqvef6of71evhcdXnWjGUtH5I68Xl+Hp0JTjHVeb/wAy" +
        "nW/4c15dODW14ZGt2IKEc+Wc88enf8OnNYFFexisLTxNN0qi0Z87Cbg7o9UiljmjEkMiSIejIcg/jTnZURndgqqMlicAD1ry2Cea" +
        "3cvbzSRMRgsjFTj04pZ7q4udv2i4ll2/d8xy2Ppmvmnww+fSpp6a/mdn1zTY6TxJ4gjnheysHcgtiSUH5WHoPUe/t3BrAsv4/wAK" +
        "q1NbzLFu3AnOOlexLAQw+DdGir7er1Q8HiF9ajUqOy1/Jl6q95/qh/vUfa4/RvyqO4nWVAqg5znmuHCYStCtGUo6HsYzGUJ0JRjJ" +
        "NtH/2Q==")
    /// A PNG of a few dozen bytes that claims 60000×60000 pixels: a decompression bomb.
    public static let bomb: [UInt8] = decode(
        "iVBORw0KGgoAAAANSUhEUgAA6mAAAOpgCAIAAAAPsOIVAAAAEUlEQVR4nGNgGAWjYBQMdwAAA+gAAbOm00YAAAAASUVORK5CYII=")
    /// A PNG signature and then nonsense.
    public static let corrupt: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array("not a picture at all".utf8)

    private static func decode(_ base64: String) -> [UInt8] {
        Array(Data(base64Encoded: base64) ?? Data())
    }
}
