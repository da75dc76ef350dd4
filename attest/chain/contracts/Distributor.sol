// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {Hashes} from "@openzeppelin/contracts/utils/cryptography/Hashes.sol";
import {StorageSlot} from "@openzeppelin/contracts/utils/StorageSlot.sol";

/// @title Distributor: royalties paid to registered artifacts, split by
/// their contributors' vote.
/// @notice Anyone pays an artifact, named by its provenance registry token
/// id, in the native currency or any ERC-20; the payment waits in that
/// artifact's unallocated balance. A payout epoch takes an amount (its
/// total) out of that balance and publishes the root of an OpenZeppelin
/// StandardMerkleTree of (address, uint256) payouts — aiprov's royalty
/// split. Each payee then claims its leaf once, with a proof; anyone may
/// send the claim, the payee receives the money. Claims in an epoch never
/// exceed its total, so a wrong root cannot reach any other money.
///
/// Claims are as cheap as a distributor contract deployed per payout
/// (Uniswap's): a published epoch gets a claim id that carries its token,
/// and its total is split into budgets of claim words, what the leaves of
/// each word of 128 add up to. A word's storage slot holds its remaining
/// budget beside its claimed bits, under a key that binds the claim id and
/// the root, so a claim reads and writes one slot, already non-zero, and
/// the root is the one its proof computes.
///
/// An epoch is published either with EIP-712 approvals from voters
/// (the artifact's contributors, weighted by their shares) holding more
/// than half of the artifact's voting weight, or by the publisher the
/// artifact's owner named. The owner commits to one of these once, with
/// configure, when registering the artifact.
contract Distributor is EIP712, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice One voter of an artifact: an account and its weight (the
    /// contributor's share, in units of 1/100,000,000).
    struct Voter {
        address account;
        uint32 weight;
    }

    /// @notice An approval: the index of the voter in the voters list and
    /// its EIP-712 signature of the EpochApproval.
    struct Approval {
        uint32 voter;
        bytes signature;
    }

    struct Governance {
        bytes32 votersHash; // keccak256(abi.encode(Voter[])); zero: no vote
        address publisher; // may publish alone; zero: nobody
        uint64 epochs; // epochs published so far: the next epoch's number
        uint32 totalWeight; // sum of the voters' weights
    }

    /// @notice The EIP-712 type a voter signs. The domain binds the chain
    /// and this contract, which serves one registry; the message binds the
    /// artifact and the epoch number, so an approval counts exactly once.
    bytes32 public constant EPOCH_APPROVAL_TYPEHASH =
        keccak256(
            "EpochApproval(uint256 artifact,uint256 epoch,address token,bytes32 root,uint256 total,uint256[] budgets)"
        );

    /// @notice Longest proof accepted: a tree of 2^64 leaves.
    uint256 public constant MAX_PROOF_LENGTH = 64;

    /// @notice The provenance registry whose token ids name artifacts.
    IERC721 public immutable registry;

    mapping(uint256 artifact => Governance) private _governance;
    mapping(uint256 artifact => mapping(address token => uint256)) public unallocated;
    /// @dev Epochs published so far, of every artifact: the low 64 bits
    /// of the last claim id.
    uint64 private _published;

    // A claim word of a published epoch, remaining budget << 128 | claimed
    // bits, is kept in the storage slot _wordKey(claimId, root, word): a
    // keccak256 of its own, as ERC-7201 namespaces are, so it meets no
    // other variable; a mapping would hash the key once more per claim.

    event Configured(uint256 indexed artifact, bytes32 votersHash, uint32 totalWeight, address publisher);
    event Paid(uint256 indexed artifact, address indexed token, address indexed payer, uint256 amount);
    /// @notice claimId: what claims of this epoch name, the token << 64 |
    /// a count of published epochs.
    event EpochPublished(
        uint256 indexed artifact,
        uint256 indexed epoch,
        uint256 indexed claimId,
        address token,
        bytes32 root,
        uint256 total,
        uint256[] budgets
    );
    event Claimed(uint256 indexed claimId, address account, uint256 amount);

    error UnknownArtifact(uint256 artifact);
    error NotArtifactOwner(uint256 artifact, address caller);
    error AlreadyConfigured(uint256 artifact);
    error NotConfigured(uint256 artifact);
    error BadVoters(uint256 artifact);
    error ZeroAmount();
    error NotAToken(address token);
    error NotPublisher(address caller);
    error VotersMismatch();
    error ApprovalsOutOfOrder(uint256 position);
    error BadApproval(uint256 voter, address signer);
    error NoMajority(uint256 approvedWeight, uint256 totalWeight);
    error InsufficientUnallocated(uint256 available, uint256 total);
    error TotalTooLarge(uint256 total);
    error ZeroRoot();
    error UnknownClaimId(uint256 claimId);
    error ProofTooLong(uint256 length);
    error NotInEpoch();
    error AlreadyClaimed(uint256 claimId, address account);
    error EpochExhausted(uint256 remaining, uint256 amount);

    constructor(IERC721 registry_) EIP712("aiprov Distributor", "1") {
        registry = registry_;
    }

    // ---- governance ----------------------------------------------------

    /// @notice Sets, once, how the artifact's epochs are published: by
    /// votes of voters (sorted by account, no repeats; their hash and
    /// total weight are kept), by publisher alone, or either. Only the
    /// registry token's owner may call it.
    function configure(uint256 artifact, Voter[] calldata voters, address publisher) external {
        if (_ownerOf(artifact) != msg.sender) revert NotArtifactOwner(artifact, msg.sender);
        Governance storage g = _governance[artifact];
        if (g.votersHash != 0 || g.publisher != address(0)) revert AlreadyConfigured(artifact);
        uint256 total;
        address prev;
        for (uint256 i; i < voters.length; ++i) {
            if (voters[i].account <= prev || voters[i].weight == 0) revert BadVoters(artifact);
            prev = voters[i].account;
            total += voters[i].weight;
        }
        if (total > type(uint32).max || (voters.length == 0 && publisher == address(0))) revert BadVoters(artifact);
        bytes32 h = voters.length == 0 ? bytes32(0) : keccak256(abi.encode(voters));
        g.votersHash = h;
        g.publisher = publisher;
        g.totalWeight = uint32(total);
        emit Configured(artifact, h, uint32(total), publisher);
    }

    /// @notice How an artifact's epochs are published, and how many were.
    function governance(uint256 artifact)
        external
        view
        returns (bytes32 votersHash, address publisher, uint64 epochs, uint32 totalWeight)
    {
        Governance storage g = _governance[artifact];
        return (g.votersHash, g.publisher, g.epochs, g.totalWeight);
    }

    /// @notice The EIP-712 digest a voter signs to approve an epoch.
    function approvalDigest(
        uint256 artifact,
        uint256 epoch,
        address token,
        bytes32 root,
        uint256 total,
        uint256[] calldata budgets
    ) public view returns (bytes32) {
        return _hashTypedDataV4(_approvalHash(artifact, epoch, token, root, total, keccak256(abi.encodePacked(budgets))));
    }

    function _approvalHash(
        uint256 artifact,
        uint256 epoch,
        address token,
        bytes32 root,
        uint256 total,
        bytes32 budgetsHash
    ) private pure returns (bytes32) {
        return keccak256(abi.encode(EPOCH_APPROVAL_TYPEHASH, artifact, epoch, token, root, total, budgetsHash));
    }

    // ---- payments ------------------------------------------------------

    /// @notice Pays msg.value of the native currency to artifact.
    function pay(uint256 artifact) external payable nonReentrant {
        if (msg.value == 0) revert ZeroAmount();
        _ownerOf(artifact);
        unallocated[artifact][address(0)] += msg.value;
        emit Paid(artifact, address(0), msg.sender, msg.value);
    }

    /// @notice Pays amount of an ERC-20 token to artifact (approve it
    /// first). What arrives is credited, so a token that takes a fee on
    /// transfer credits less than amount.
    function payToken(uint256 artifact, IERC20 token, uint256 amount) external nonReentrant {
        if (address(token) == address(0)) revert NotAToken(address(token));
        if (amount == 0) revert ZeroAmount();
        _ownerOf(artifact);
        uint256 before = token.balanceOf(address(this));
        token.safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = token.balanceOf(address(this)) - before;
        if (received == 0) revert ZeroAmount();
        unallocated[artifact][address(token)] += received;
        emit Paid(artifact, address(token), msg.sender, received);
    }

    // ---- epochs --------------------------------------------------------

    /// @notice Publishes the artifact's next epoch: the sum of budgets
    /// (its total) of token (zero: native) leaves the unallocated balance
    /// and becomes claimable under root, budgets[w] by the leaves of claim
    /// word w; claims name the epoch's claimId (in EpochPublished). Sent by
    /// the configured publisher, voters and approvals may be empty;
    /// otherwise voters is the configured list and the approvals, in
    /// ascending voter order, must weigh more than half of it.
    function publish(
        uint256 artifact,
        address token,
        bytes32 root,
        uint256[] calldata budgets,
        Voter[] calldata voters,
        Approval[] calldata approvals
    ) external returns (uint256 epoch, uint256 claimId) {
        if (root == 0) revert ZeroRoot();
        (uint256 total, bytes32 budgetsHash) = _sum(budgets);
        Governance storage g = _governance[artifact];
        if (g.publisher == address(0) && g.votersHash == 0) revert NotConfigured(artifact);
        epoch = g.epochs;
        if (msg.sender != g.publisher) {
            _checkApprovals(
                g,
                _hashTypedDataV4(_approvalHash(artifact, epoch, token, root, total, budgetsHash)),
                voters,
                approvals
            );
        }
        uint256 available = unallocated[artifact][token];
        if (total > available) revert InsufficientUnallocated(available, total);
        unchecked {
            unallocated[artifact][token] = available - total;
        }
        g.epochs = uint64(epoch + 1);
        uint64 n = _published + 1;
        _published = n;
        claimId = uint256(uint160(token)) << 64 | n;
        _openWords(claimId, root, budgets);
        emit EpochPublished(artifact, epoch, claimId, token, root, total, budgets);
    }

    /// @dev The total of an epoch's budgets, each and all below 2^96, and
    /// their EIP-712 hash.
    function _sum(uint256[] calldata budgets) private pure returns (uint256 total, bytes32 budgetsHash) {
        for (uint256 w; w < budgets.length; ++w) {
            uint256 b = budgets[w];
            if (b > type(uint96).max) revert TotalTooLarge(b);
            total += b; // no overflow: fewer than 2^160 terms below 2^96
        }
        if (total == 0) revert ZeroAmount();
        if (total > type(uint96).max) revert TotalTooLarge(total);
        budgetsHash = keccak256(abi.encodePacked(budgets));
    }

    /// @dev Writes each claim word's budget: non-zero from here on, so a
    /// claim pays for changing a slot, not for creating one.
    function _openWords(uint256 claimId, bytes32 root, uint256[] calldata budgets) private {
        for (uint256 w; w < budgets.length; ++w) {
            if (budgets[w] != 0) StorageSlot.getUint256Slot(_wordKey(claimId, root, w)).value = budgets[w] << 128;
        }
    }

    function _checkApprovals(
        Governance storage g,
        bytes32 digest,
        Voter[] calldata voters,
        Approval[] calldata approvals
    ) private view {
        bytes32 votersHash = g.votersHash;
        if (votersHash == 0) revert NotPublisher(msg.sender);
        if (keccak256(abi.encode(voters)) != votersHash) revert VotersMismatch();
        uint256 weight;
        uint256 next;
        for (uint256 i; i < approvals.length; ++i) {
            uint256 v = approvals[i].voter;
            if (v < next || v >= voters.length) revert ApprovalsOutOfOrder(i);
            next = v + 1;
            address signer = ECDSA.recover(digest, approvals[i].signature);
            if (signer != voters[v].account) revert BadApproval(v, signer);
            weight += voters[v].weight;
        }
        uint256 totalWeight = g.totalWeight;
        if (2 * weight <= totalWeight) revert NoMajority(weight, totalWeight);
    }

    /// @notice Claim word w of the epoch claimId under root: what its
    /// leaves may still take, and which of its 128 leaves were claimed
    /// (bit i: position 128w+i). Both zero: no such word was published.
    function claimWord(uint256 claimId, bytes32 root, uint256 w)
        external
        view
        returns (uint256 remaining, uint256 claimed)
    {
        uint256 word = StorageSlot.getUint256Slot(_wordKey(claimId, root, w)).value;
        return (word >> 128, word & type(uint128).max);
    }

    // ---- claims --------------------------------------------------------

    /// @notice Pays account its leaf (account, amount) of the epoch
    /// claimId, in the epoch's token. Anyone may send it; each leaf is paid
    /// once, and a word's leaves never more than its budget.
    function claim(uint256 claimId, address account, uint256 amount, bytes32[] calldata proof) external nonReentrant {
        (bytes32 root, uint256 position) = _leaf(account, amount, proof);
        StorageSlot.Uint256Slot storage slot = StorageSlot.getUint256Slot(_wordKey(claimId, root, position >> 7));
        uint256 word = slot.value;
        if (word == 0) _noSuchWord(claimId);
        uint256 bit = 1 << (position & 127);
        if (word & bit != 0) revert AlreadyClaimed(claimId, account);
        uint256 budget = word >> 128;
        if (amount > budget) revert EpochExhausted(budget, amount);
        unchecked {
            slot.value = (budget - amount) << 128 | (word & type(uint128).max) | bit;
        }
        emit Claimed(claimId, account, amount);
        address token = address(uint160(claimId >> 64));
        if (token == address(0)) {
            Address.sendValue(payable(account), amount);
        } else {
            IERC20(token).safeTransfer(account, amount);
        }
    }

    /// @notice Whether the leaf (account, amount) of the epoch claimId was
    /// claimed.
    function isClaimed(uint256 claimId, address account, uint256 amount, bytes32[] calldata proof)
        external
        view
        returns (bool)
    {
        (bytes32 root, uint256 position) = _leaf(account, amount, proof);
        uint256 word = StorageSlot.getUint256Slot(_wordKey(claimId, root, position >> 7)).value;
        if (word == 0) _noSuchWord(claimId);
        return word & (1 << (position & 127)) != 0;
    }

    /// @dev Reverts for a claim whose word was never published: no epoch
    /// has the claim id (UnknownClaimId), or the leaf, its proof or the
    /// claim id's token is not the epoch's (NotInEpoch).
    function _noSuchWord(uint256 claimId) private view {
        uint64 n = uint64(claimId);
        if (n == 0 || n > _published || claimId >> 224 != 0) revert UnknownClaimId(claimId);
        revert NotInEpoch();
    }

    function _wordKey(uint256 claimId, bytes32 root, uint256 w) private pure returns (bytes32) {
        return keccak256(abi.encode(claimId, root, w));
    }

    /// @dev Computes, as OpenZeppelin's MerkleProof does (sorted pairs), the
    /// root that proof gives the StandardMerkleTree leaf (account, amount),
    /// and the leaf's position: bit i says whether the node at step i was
    /// the smaller of its pair, above a sentinel bit at the proof's length.
    /// Different leaves of one tree get different positions (their paths
    /// part where one is the smaller and the other the larger of a pair, or
    /// they differ in depth), and a leaf has one proof, so the position
    /// indexes a claimed-bitmap as Uniswap's distributor indexes its own
    /// with a leaf index, while the leaf stays OpenZeppelin's. MerkleProof
    /// gives no position, hence the loop.
    function _leaf(address account, uint256 amount, bytes32[] calldata proof)
        private
        pure
        returns (bytes32 node, uint256 position)
    {
        uint256 n = proof.length;
        if (n > MAX_PROOF_LENGTH) revert ProofTooLong(n);
        // keccak256(bytes.concat(keccak256(abi.encode(account, amount)))),
        // in scratch space rather than two new memory arrays.
        assembly ("memory-safe") {
            mstore(0x00, and(account, 0xffffffffffffffffffffffffffffffffffffffff))
            mstore(0x20, amount)
            mstore(0x00, keccak256(0x00, 0x40))
            node := keccak256(0x00, 0x20)
        }
        for (uint256 i; i < n; ++i) {
            bytes32 sibling = proof[i];
            if (node < sibling) {
                position |= 1 << i;
                node = Hashes.efficientKeccak256(node, sibling);
            } else {
                node = Hashes.efficientKeccak256(sibling, node);
            }
        }
        position |= 1 << n;
    }

    function _ownerOf(uint256 artifact) private view returns (address owner) {
        try registry.ownerOf(artifact) returns (address o) {
            return o;
        } catch {
            revert UnknownArtifact(artifact);
        }
    }
}
