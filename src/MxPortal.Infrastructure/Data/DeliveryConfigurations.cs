using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MxPortal.Infrastructure.Deliveries;

namespace MxPortal.Infrastructure.Data;

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> e)
    {
        e.ToTable("Deliveries");
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.FromAddress).HasMaxLength(320);
        e.Property(x => x.ReplyTo).HasMaxLength(320);
        e.Property(x => x.Subject).HasMaxLength(998);
        e.Property(x => x.ReturnPathDomain).HasMaxLength(255);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.ImportLeaseOwner).HasMaxLength(100);
        e.Ignore(x => x.RetryPolicy);
        e.HasIndex(x => x.Status);
    }
}

internal sealed class DeliveryRecipientConfiguration : IEntityTypeConfiguration<DeliveryRecipient>
{
    public void Configure(EntityTypeBuilder<DeliveryRecipient> e)
    {
        e.ToTable("DeliveryRecipients");
        e.Property(x => x.Address).HasMaxLength(320);
        e.Property(x => x.AddressKey).HasMaxLength(320);
        e.Property(x => x.Domain).HasMaxLength(255);
        e.Property(x => x.LeaseOwner).HasMaxLength(100);
        e.Property(x => x.LastReply).HasMaxLength(2000);
        // A recipient once per delivery: the import skips the second as Double.
        e.HasIndex(x => new { x.DeliveryId, x.AddressKey }).IsUnique();
        // The claim query: claimable recipients of a delivery, in id order.
        e.HasIndex(x => new { x.DeliveryId, x.State, x.NextAttemptUtc });
        // The recipients page (RecipientListQuery, RecipientFilterPlan): each filter walks its own index in list (id) order;
        // with several, the one whose walk reads least. Only the state index moves when an outcome is recorded (a (domain,
        // state) pair index would be a second one on every send), so it carries the other equality columns after the id:
        // a state with any other filter is answered from it alone, without reading the rows (the columns change with the
        // state, so no extra write). The failure indexes hold only the recipients that have one (sent ones cost them
        // nothing) and carry the domain and the other failure column, which change only with them. PostgreSQL has two more,
        // outside the model (raw SQL in its migrations): the trigram index of the address keys (RecipientListSearch) and a
        // (delivery, id) index carrying the address key (RecipientListAddressKey), for "address contains" (RecipientAddressSearch).
        e.HasIndex(x => new { x.DeliveryId, x.Id });
        e.HasIndex(x => new { x.DeliveryId, x.State, x.Id, x.Domain, x.FailureType, x.FailureReason }, "IX_DeliveryRecipients_List_State");
        e.HasIndex(x => new { x.DeliveryId, x.Domain, x.Id });
        e.HasIndex(x => new { x.DeliveryId, x.FailureType, x.Id, x.Domain, x.FailureReason }, "IX_DeliveryRecipients_List_FailureType")
            .HasFilter("\"FailureType\" IS NOT NULL");
        e.HasIndex(x => new { x.DeliveryId, x.FailureReason, x.Id, x.Domain, x.FailureType }, "IX_DeliveryRecipients_List_FailureReason")
            .HasFilter("\"FailureReason\" IS NOT NULL");
        e.HasOne<Delivery>().WithMany().HasForeignKey(x => x.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeliveryAttemptConfiguration : IEntityTypeConfiguration<DeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<DeliveryAttempt> e)
    {
        e.ToTable("DeliveryAttempts");
        e.Property(x => x.Reply).HasMaxLength(2000);
        e.Property(x => x.MxHost).HasMaxLength(255);
        e.Property(x => x.MxAddress).HasMaxLength(45);
        e.Property(x => x.DecidedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.DeliveryId, x.AtUtc });
        e.HasIndex(x => x.RecipientId);
        e.HasOne<Delivery>().WithMany().HasForeignKey(x => x.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}
