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

    struct Epoch {
        bytes32 root;
        address token; // zero: the native currency
        uint96 remaining; // total minus what was claimed
    }

    /// @notice The EIP-712 type a voter signs. The domain binds the chain
    /// and this contract, which serves one registry; the message binds the
    /// artifact and the epoch number, so an approval counts exactly once.
    bytes32 public constant EPOCH_APPROVAL_TYPEHASH =
        keccak256("EpochApproval(uint256 artifact,uint256 epoch,address token,bytes32 root,uint256 total)");

    /// @notice Longest proof accepted: a tree of 2^64 leaves.
    uint256 public constant MAX_PROOF_LENGTH = 64;

    /// @notice The provenance registry whose token ids name artifacts.
    IERC721 public immutable registry;

    mapping(uint256 artifact => Governance) private _governance;
    mapping(uint256 artifact => mapping(address token => uint256)) public unallocated;
    mapping(uint256 artifact => mapping(uint256 epoch => Epoch)) private _epochs;
    mapping(uint256 artifact => mapping(uint256 epoch => mapping(uint256 word => uint256))) private _claimed;

    event Configured(uint256 indexed artifact, bytes32 votersHash, uint32 totalWeight, address publisher);
    event Paid(uint256 indexed artifact, address indexed token, address indexed payer, uint256 amount);
    event EpochPublished(uint256 indexed artifact, uint256 indexed epoch, address token, bytes32 root, uint256 total);
    event Claimed(uint256 indexed artifact, uint256 indexed epoch, address indexed account, uint256 amount);

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
    error UnknownEpoch(uint256 artifact, uint256 epoch);
    error ProofTooLong(uint256 length);
    error InvalidProof();
    error AlreadyClaimed(uint256 artifact, uint256 epoch, address account);
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
    function approvalDigest(uint256 artifact, uint256 epoch, address token, bytes32 root, uint256 total)
        public
        view
        returns (bytes32)
    {
        return _hashTypedDataV4(keccak256(abi.encode(EPOCH_APPROVAL_TYPEHASH, artifact, epoch, token, root, total)));
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

    /// @notice Publishes the artifact's next epoch: total of token (zero:
    /// native) leaves the unallocated balance and becomes claimable under
    /// root. Sent by the configured publisher, voters and approvals may be
    /// empty; otherwise voters is the configured list and the approvals,
    /// in ascending voter order, must weigh more than half of it.
    function publish(
        uint256 artifact,
        address token,
        bytes32 root,
        uint256 total,
        Voter[] calldata voters,
        Approval[] calldata approvals
    ) external returns (uint256 epoch) {
        if (root == 0) revert ZeroRoot();
        if (total == 0) revert ZeroAmount();
        if (total > type(uint96).max) revert TotalTooLarge(total);
        Governance storage g = _governance[artifact];
        address publisher = g.publisher;
        if (publisher == address(0) && g.votersHash == 0) revert NotConfigured(artifact);
        epoch = g.epochs;
        if (msg.sender != publisher) {
            _checkApprovals(g, approvalDigest(artifact, epoch, token, root, total), voters, approvals);
        }
        uint256 available = unallocated[artifact][token];
        if (total > available) revert InsufficientUnallocated(available, total);
        unchecked {
            unallocated[artifact][token] = available - total;
        }
        g.epochs = uint64(epoch + 1);
        _epochs[artifact][epoch] = Epoch({root: root, token: token, remaining: uint96(total)});
        emit EpochPublished(artifact, epoch, token, root, total);
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

    /// @notice An epoch: its root, token and what is left to claim.
    function epochOf(uint256 artifact, uint256 epoch)
        external
        view
        returns (bytes32 root, address token, uint256 remaining)
    {
        Epoch storage e = _epochs[artifact][epoch];
        return (e.root, e.token, e.remaining);
    }

    // ---- claims --------------------------------------------------------

    /// @notice Pays account its leaf (account, amount) of the epoch. Anyone
    /// may send it; each leaf is paid once.
    function claim(uint256 artifact, uint256 epoch, address account, uint256 amount, bytes32[] calldata proof)
        external
        nonReentrant
    {
        Epoch storage e = _epochs[artifact][epoch];
        bytes32 root = e.root;
        if (root == 0) revert UnknownEpoch(artifact, epoch);
        uint256 index = _leafIndex(root, account, amount, proof);
        mapping(uint256 => uint256) storage words = _claimed[artifact][epoch];
        uint256 word = words[index >> 8];
        uint256 bit = 1 << (index & 0xff);
        if (word & bit != 0) revert AlreadyClaimed(artifact, epoch, account);
        words[index >> 8] = word | bit;
        uint256 remaining = e.remaining;
        if (amount > remaining) revert EpochExhausted(remaining, amount);
        unchecked {
            e.remaining = uint96(remaining - amount);
        }
        address token = e.token;
        emit Claimed(artifact, epoch, account, amount);
        if (token == address(0)) {
            Address.sendValue(payable(account), amount);
        } else {
            IERC20(token).safeTransfer(account, amount);
        }
    }

    /// @notice Whether the leaf (account, amount) of the epoch was claimed.
    function isClaimed(uint256 artifact, uint256 epoch, address account, uint256 amount, bytes32[] calldata proof)
        external
        view
        returns (bool)
    {
        bytes32 root = _epochs[artifact][epoch].root;
        if (root == 0) revert UnknownEpoch(artifact, epoch);
        uint256 index = _leafIndex(root, account, amount, proof);
        return _claimed[artifact][epoch][index >> 8] & (1 << (index & 0xff)) != 0;
    }

    /// @dev Verifies the proof of the StandardMerkleTree leaf (account,
    /// amount) as OpenZeppelin's MerkleProof does (sorted pairs) and returns
    /// the leaf's position: bit i says whether the node at step i was the
    /// smaller of its pair, above a sentinel bit at the proof's length.
    /// Different leaves of one tree get different positions (their paths
    /// part where one is the smaller and the other the larger of a pair, or
    /// they differ in depth), and a leaf has one proof, so the position
    /// indexes a claimed-bitmap as Uniswap's distributor indexes its own
    /// with a leaf index — 256 leaves to a storage word — while the leaf
    /// stays OpenZeppelin's. MerkleProof gives no position, hence the loop.
    function _leafIndex(bytes32 root, address account, uint256 amount, bytes32[] calldata proof)
        private
        pure
        returns (uint256 index)
    {
        uint256 n = proof.length;
        if (n > MAX_PROOF_LENGTH) revert ProofTooLong(n);
        bytes32 node = keccak256(bytes.concat(keccak256(abi.encode(account, amount))));
        for (uint256 i; i < n; ++i) {
            bytes32 sibling = proof[i];
            if (node < sibling) index |= 1 << i;
            node = Hashes.commutativeKeccak256(node, sibling);
        }
        if (node != root) revert InvalidProof();
        index |= 1 << n;
    }

    function _ownerOf(uint256 artifact) private view returns (address owner) {
        try registry.ownerOf(artifact) returns (address o) {
            return o;
        } catch {
            revert UnknownArtifact(artifact);
        }
    }
}
