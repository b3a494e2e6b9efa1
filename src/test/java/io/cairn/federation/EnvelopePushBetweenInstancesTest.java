package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.delivery.DeliveryRound;
import io.cairn.identity.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances over real HTTP, the provider pushing only when told: the messages queued for one subscriber go out in
 * envelopes (one signed request for many), each stored and applied once at the subscriber, each delivery logged on
 * its own at the provider.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnvelopePushBetweenInstancesTest {

    private List<CairnInstance> instances = List.of();
    private CairnInstance provider;
    private CairnInstance subscriber;
    private String run;

    @BeforeAll
    void startAProviderAndItsSubscriber() {
        run = Long.toString(System.nanoTime(), 36);
        Map<String, Object> pushOnlyWhenTold =
                Map.of("cairn.federation.push-on-commit", false, "cairn.federation.push-interval", "PT1H");
        instances = CairnInstance.startAll(
                2,
                i -> CairnInstance.start(
                        (i == 0 ? "Provider" : "Subscriber") + run, pushOnlyWhenTold, RecordedRequests.class));
        provider = instances.get(0);
        subscriber = instances.get(1);
        CairnInstance.connect(provider, "Provider" + run, subscriber, "Subscriber" + run, true);
    }

    @AfterAll
    void stopThem() {
        instances.forEach(CairnInstance::close);
    }

    @Test
    void messagesQueuedForOneSubscriberGoOutInOneEnvelopeAndAreEachAppliedOnce() {
        ApiClient handler = provider.user("envelope-handler-" + run, Set.of(Role.HANDLER, Role.COORDINATOR));
        String title = "Envelope " + UUID.randomUUID();
        for (int i = 0; i < 12; i++) {
            ApiClient.Answer reported = handler.post(
                    "/api/v1/incidents",
                    Map.of("title", title + " " + i, "description", "Storage was read", "tlp", "GREEN"));
            assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        }
        AppliedMessages.await(provider.bean(JdbcClient.class));
        long queued = provider.bean(JdbcClient.class)
                .sql("select count(*) from federation_outbox where state = 'pending'")
                .query(Long.class)
                .single();
        assertThat(queued).isEqualTo(12L);
        int inboxPostsBefore = inboxPosts("application/json");

        DeliveryRound round = provider.bean(OutboxPusher.class).pushDue();

        assertThat(round).isEqualTo(new DeliveryRound(12, 0, 0));
        assertThat(inboxPosts("application/json") - inboxPostsBefore)
                .as("one envelope for the twelve: %s", RecordedRequests.at(subscriber.port()))
                .isEqualTo(1);
        JdbcClient atSubscriber = subscriber.bean(JdbcClient.class);
        AppliedMessages.await(atSubscriber);
        assertThat(atSubscriber
                        .sql("select count(*) from incident where title like ? and received_from is not null")
                        .param(title + " %")
                        .query(Long.class)
                        .single())
                .isEqualTo(12L);
        assertThat(provider.bean(JdbcClient.class)
                        .sql("select count(*) from federation_delivery where succeeded")
                        .query(Long.class)
                        .single())
                .as("each message's delivery logged on its own")
                .isEqualTo(12L);
    }

    /** The inbox requests that reached the subscriber so far with this content type. */
    private int inboxPosts(String contentType) {
        return (int) RecordedRequests.at(subscriber.port()).stream()
                .filter(request -> request.startsWith("POST ") && request.contains("/federation/v1/inbox"))
                .filter(request -> request.toLowerCase(java.util.Locale.ROOT).contains("content-type: " + contentType))
                .count();
    }
}
