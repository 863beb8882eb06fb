package vn.khuyenhoc.cdht.transfer;

/** One problem of one row: the row number in the sheet (header = 1), the column's header, the message. */
public record RowError(int row, String column, String message) implements java.io.Serializable {
}
