package pl.sciezka.api.network;

public record OfferingWithdrawn(String offeringId, String institutionId, String reason) {
}
