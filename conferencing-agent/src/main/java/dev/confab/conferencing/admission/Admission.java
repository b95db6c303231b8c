package dev.confab.conferencing.admission;

import dev.confab.shared.capacity.CallType;
import dev.confab.shared.capacity.Capacity;
import dev.confab.shared.crypto.Tokens;
import dev.confab.shared.wire.Disconnect;
import dev.confab.shared.wire.Heartbeat;
import dev.confab.shared.wire.HeartbeatAnswer;
import dev.confab.shared.wire.LicenceAnswer;
import dev.confab.shared.wire.LicenceRequest;
import dev.confab.shared.wire.ParticipantReport;
import dev.confab.shared.wire.ReplicatedConfig;
import dev.confab.shared.wire.Reservation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Call admission on one Conferencing Node: the client API's requests ({@code request_token},
 * {@code refresh_token}, {@code release_token}, participants) and the node-to-node ones
 * (reservations, releases, disconnections). A call is admitted in this order: its alias names a
 * Virtual Meeting Room or Virtual Auditorium of the replica (404), the PIN decides the role (403),
 * the Management Node grants one of the platform's licences within the conference's participant
 * limit and answers the load of the locations the call may go to (503), and a node of those
 * locations, tried in {@link Placement} order, reserves the call's capacity (503 "capacity
 * exceeded" when none does). The call then holds a token that expires unless refreshed; when the
 * call ends (released, expired, disconnected) its capacity is given back and the Management Node
 * hears of it in the next report, which {@code changed} asks for at once. Thread-safe.
 */
public final class Admission {

    private static final Logger LOG = LoggerFactory.getLogger(Admission.class);
    private static final int TOKEN_BYTES = 32;
    private static final int ENDED_KEPT = 4096;

    /** One revision's directory and topology, made once per revision. */
    private record Views(ReplicatedConfig config, Directory directory, Topology topology) {
    }

    private final Supplier<ReplicatedConfig> replica;
    private final String fqdn;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final ManagementLink management;
    private final PeerClient peers;
    private final Runnable changed;
    private final MediaLedger ledger;
    private final CallBook calls = new CallBook();
    private final MediaReleases releases;
    // guarded by itself: the calls' generations of other nodes known to have ended, oldest first
    private final Map<String, Boolean> ended = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > ENDED_KEPT;
        }
    };
    private volatile Views views;
    private volatile String incarnation = UUID.randomUUID().toString();

    Admission(Supplier<ReplicatedConfig> replica, String fqdn, Supplier<Capacity> capacity, Clock clock,
              Duration tokenLifetime, ManagementLink management, PeerClient peers,
              java.util.concurrent.ScheduledExecutorService timer, java.util.concurrent.ExecutorService senders,
              Runnable changed) {
        this.replica = replica;
        this.fqdn = fqdn;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        this.management = management;
        this.peers = peers;
        this.changed = changed;
        this.ledger = new MediaLedger(capacity, () -> views().topology().multiNode(),
                () -> views().topology().self().map(Topology.Node::maintenanceMode).orElse(false));
        this.releases = new MediaReleases(peers, timer, senders, this::hasEnded);
    }

    private Views views() {
        ReplicatedConfig config = replica.get();
        Views current = views;
        if (current == null || current.config() != config) {
            current = new Views(config, Directory.of(config), Topology.of(config, fqdn));
            views = current;
        }
        return current;
    }

    /** {@code request_token}: admits a call to {@code alias}, or throws an {@link AdmissionException}. */
    public Admitted requestToken(String alias, String displayName, CallType requested, String pin) {
        Views current = views();
        Service service = current.directory().service(alias).orElseThrow(() -> AdmissionException.notFound(
                "no Virtual Meeting Room or Virtual Auditorium has the alias " + alias));
        if (!service.joinable()) {
            throw AdmissionException.notFound("the alias " + alias + " belongs to a " + service.serviceType()
                    + " service, which the client API does not join");
        }
        Role role = service.roleFor(pin);
        Topology.Node self = current.topology().self().orElseThrow(() -> AdmissionException.unavailable(
                "this node is not in the configuration it holds yet; try again once it has synchronised"));
        CallType type = service.admitted(requested);
        Call call = new Call(UUID.randomUUID().toString(), displayName, alias, service, role, type, self.name(),
                clock.instant(), null, null, null);
        String generation = incarnation;
        long sequence = calls.add(call);
        boolean admitted = false;
        try {
            List<Topology.Step> chain = current.topology().placementChain();
            LicenceAnswer licence = licence(new LicenceRequest(generation, sequence, call.report(),
                    service.participantLimit(), chain.stream().map(Topology.Step::location).toList()));
            Placement.Plan plan = Placement.plan(chain, licence.locations(), new Placement.Self(self,
                    ledger.freeTokens(), ledger.hosts(service.name())), service.name(), type,
                    current.topology().multiNode());
            Call.Media media = reserve(plan, call, generation)
                    .orElseThrow(() -> AdmissionException.capacityExceeded(plan.exhausted()));
            Instant expires = clock.instant().plus(tokenLifetime);
            Call placed = calls.place(call.uuid(), media, Tokens.random(TOKEN_BYTES), expires).orElse(null);
            if (placed == null) {
                giveBack(media, call.uuid());
                throw AdmissionException.unavailable("the call was ended (disconnected) while it was being placed");
            }
            admitted = true;
            return new Admitted(placed.token(), tokenLifetime.toSeconds(), placed.uuid(), role, displayName,
                    type.wireName(), service.name(), media.node(), self.name(), media.location());
        } finally {
            if (!admitted) {
                calls.remove(call.uuid());
            }
            changed.run();
        }
    }

    private LicenceAnswer licence(LicenceRequest request) {
        LicenceAnswer answer;
        try {
            answer = management.licence(request);
        } catch (IOException e) {
            throw AdmissionException.unavailable("licence unavailable: the Management Node cannot be reached ("
                    + e.getMessage() + "); calls in progress go on, and new calls are admitted again once it answers");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AdmissionException.unavailable("licence unavailable: the request was interrupted");
        }
        if (!answer.granted()) {
            throw AdmissionException.unavailable(answer.refusal());
        }
        return answer;
    }

    /** The first candidate that takes the call's capacity; empty when none does. */
    private Optional<Call.Media> reserve(Placement.Plan plan, Call call, String generation) {
        for (Placement.Candidate candidate : plan.candidates()) {
            if (candidate.self()) {
                Optional<String> refusal = ledger.reserve(new MediaLedger.Reservation(call.uuid(), call.service().name(),
                        call.callType(), call.signallingNode(), generation));
                if (refusal.isEmpty()) {
                    return Optional.of(new Call.Media(candidate.node(), candidate.location(), candidate.address(), 0,
                            incarnation, true));
                }
                continue;
            }
            try {
                Reservation.Answer answer = peers.reserve(candidate.address(), candidate.nodePort(),
                        new Reservation.Request(call.uuid(), call.service().name(), call.callType().wireName(),
                                generation));
                if (answer.reserved()) {
                    return Optional.of(new Call.Media(candidate.node(), candidate.location(), candidate.address(),
                            candidate.nodePort(), answer.incarnation(), false));
                }
            } catch (IOException e) {
                // the node may have taken the capacity and its answer been lost: it is given back
                LOG.warn("{} did not answer a reservation ({}); trying the next node", candidate.node(), e.getMessage());
                releases.release(new Call.Media(candidate.node(), candidate.location(), candidate.address(),
                        candidate.nodePort(), null, false), call.uuid());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw AdmissionException.unavailable("the call's placement was interrupted");
            }
        }
        return Optional.empty();
    }

    /** {@code refresh_token}: a new token for the call {@code token} holds, which is then invalid. */
    public Admitted refreshToken(String token) {
        Instant now = clock.instant();
        Call call = calls.refresh(token, now, Tokens.random(TOKEN_BYTES), now.plus(tokenLifetime))
                .orElseThrow(AdmissionException::invalidToken);
        return admitted(call);
    }

    /** {@code release_token}: ends the call {@code token} holds and frees its capacity. */
    public void releaseToken(String token) {
        Call call = calls.byToken(token, clock.instant()).orElseThrow(AdmissionException::invalidToken);
        end(List.of(calls.remove(call.uuid()).orElseThrow(AdmissionException::invalidToken)));
    }

    /**
     * The participants of the conference of the call {@code token} holds: the whole platform's as the
     * Management Node knows them, with this node's own calls as they are now; only this node's
     * while the Management Node does not answer.
     */
    public List<ParticipantReport> participants(String token) {
        Call call = calls.byToken(token, clock.instant()).orElseThrow(AdmissionException::invalidToken);
        String conference = call.service().name();
        Map<String, ParticipantReport> byUuid = new LinkedHashMap<>();
        try {
            management.participants(conference).participants().stream()
                    .filter(report -> !report.signallingNode().equals(call.signallingNode()))
                    .forEach(report -> byUuid.put(report.uuid(), report));
        } catch (IOException e) {
            LOG.debug("The Management Node did not answer the participants of {}: {}", conference, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        calls.all().stream().filter(own -> own.service().name().equals(conference))
                .forEach(own -> byUuid.put(own.uuid(), own.report()));
        return byUuid.values().stream().filter(ParticipantReport::placed).toList();
    }

    /** Ends every call whose token has expired; returns how many. */
    public int expire() {
        List<Call> expired = calls.expire(clock.instant());
        if (!expired.isEmpty()) {
            LOG.info("{} call(s) ended: their tokens were not refreshed", expired.size());
            end(expired);
        }
        return expired.size();
    }

    /** Node to node: takes a call's capacity for {@code signallingNode}. */
    public Reservation.Answer reserve(String signallingNode, Reservation.Request request) {
        CallType type = CallType.ofWireName(request.callType()).orElseThrow(() -> AdmissionException.badField(
                "callType", "unknown call type " + request.callType() + "; use one of " + CallType.wireNames()));
        if (request.reservation() == null || request.conference() == null) {
            throw AdmissionException.badField("reservation", "a reservation names its call and its conference");
        }
        if (hasEnded(signallingNode, request.signallingIncarnation())) {
            return new Reservation.Answer(false, signallingNode + "'s calls of that generation have ended", incarnation);
        }
        Optional<String> refusal = ledger.reserve(new MediaLedger.Reservation(request.reservation(),
                request.conference(), type, signallingNode, text(request.signallingIncarnation())));
        if (refusal.isEmpty()) {
            changed.run();
        }
        return new Reservation.Answer(refusal.isEmpty(), refusal.orElse(null), incarnation);
    }

    /** Node to node: frees capacity {@code signallingNode}'s calls held here. */
    public void release(String signallingNode, Reservation.Release release) {
        Set<String> ids = new HashSet<>(release.reservations());
        if (!ledger.releaseIf(held -> ids.contains(held.id()) && held.signallingNode().equals(signallingNode))
                .isEmpty()) {
            changed.run();
        }
    }

    /** Management Node to node: ends the calls named, and every call of the conferences named. */
    public Disconnect.Answer disconnect(Disconnect.Request request) {
        Set<String> uuids = new HashSet<>(request.participants());
        Set<String> conferences = new HashSet<>(request.conferences());
        List<Call> ended = calls.removeIf(call -> uuids.contains(call.uuid())
                || conferences.contains(call.service().name()));
        end(ended);
        if (!ended.isEmpty()) {
            LOG.info("Disconnected {} call(s) as the Management Node asked", ended.size());
        }
        return new Disconnect.Answer(ended.stream().map(Call::uuid).toList());
    }

    /**
     * What the Management Node answered a report: calls whose other node's generation ended are
     * over; if this node's own generation ended (it was declared lost), every call it signals or
     * hosts is over and it starts a new generation.
     */
    public void answered(HeartbeatAnswer answer) {
        String self = views().topology().self().map(Topology.Node::name).orElse("");
        boolean any = false;
        for (HeartbeatAnswer.EndedNode node : answer.endedNodes()) {
            if (node.name().equals(self) || !remember(node)) {
                continue;
            }
            int reservations = ledger.releaseIf(held -> held.signallingNode().equals(node.name())
                    && held.signallingIncarnation().equals(node.incarnation())).size();
            List<Call> lost = calls.removeIf(call -> call.placed() && call.media().node().equals(node.name())
                    && call.media().incarnation().equals(node.incarnation()));
            if (reservations + lost.size() > 0) {
                LOG.warn("{}'s calls ended (declared lost or restarted): freed {} reservation(s) it held here and"
                        + " ended {} call(s) whose media it hosted", node.name(), reservations, lost.size());
                any = true;
            }
        }
        if (answer.declaredLost()) {
            int reservations = ledger.releaseIf(held -> true).size();
            int dropped = calls.removeIf(call -> true).size();
            incarnation = UUID.randomUUID().toString();
            LOG.warn("The Management Node had declared this node lost and freed its calls: ended {} call(s) and {}"
                    + " reservation(s) here too", dropped, reservations);
            any = true;
        }
        if (any) {
            changed.run();
        }
    }

    private boolean remember(HeartbeatAnswer.EndedNode node) {
        synchronized (ended) {
            return ended.put(node.name() + "\n" + node.incarnation(), Boolean.TRUE) == null;
        }
    }

    private boolean hasEnded(String node, String generation) {
        synchronized (ended) {
            return ended.containsKey(node + "\n" + text(generation));
        }
    }

    /** The name of the enrolled Conferencing Node whose certificate names {@code fqdn}, as this node's replica says. */
    Optional<String> peer(String fqdn) {
        return views().topology().enrolledNode(fqdn).map(Topology.Node::name);
    }

    /** What the node reports about the calls it signals. */
    public Heartbeat.Calls report() {
        return calls.report(incarnation);
    }

    /** What the node reports about the capacity it holds. */
    public Heartbeat.Load load() {
        return ledger.load();
    }

    /** Calls this node signals now, placed or being placed. */
    public int callCount() {
        return calls.all().size();
    }

    private void end(List<Call> ended) {
        for (Call call : ended) {
            if (call.placed()) {
                giveBack(call.media(), call.uuid());
            }
        }
        if (!ended.isEmpty()) {
            changed.run();
        }
    }

    private void giveBack(Call.Media media, String uuid) {
        if (media.local()) {
            ledger.release(uuid);
        } else {
            releases.release(media, uuid);
        }
    }

    private Admitted admitted(Call call) {
        return new Admitted(call.token(), tokenLifetime.toSeconds(), call.uuid(), call.role(), call.displayName(),
                call.callType().wireName(), call.service().name(), call.media().node(), call.signallingNode(),
                call.media().location());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** The tokens' lifetime. */
    public Duration tokenLifetime() {
        return tokenLifetime;
    }
}
