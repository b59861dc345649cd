public enum WarrenTestSupport {}
