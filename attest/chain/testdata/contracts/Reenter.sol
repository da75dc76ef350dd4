// SPDX-License-Identifier: MIT
// Test-only: a payee that, when paid, tries to claim a leaf of the same
// epoch inside the payment (re-entrancy): another payee's, or its own
// again.
pragma solidity ^0.8.24;

interface IClaim {
    function claim(uint256 claimId, address account, uint256 amount, bytes32[] calldata proof) external;
}

contract Reenter {
    IClaim public target;
    uint256 public claimId;
    address public account;
    uint256 public amount;
    bytes32[] public proof;
    bool public tried;
    bool public reentered;

    function arm(IClaim target_, uint256 claimId_, address account_, uint256 amount_, bytes32[] calldata proof_) external {
        (target, claimId, account, amount, proof) = (target_, claimId_, account_, amount_, proof_);
        (tried, reentered) = (false, false);
    }

    receive() external payable {
        if (tried) return;
        tried = true;
        try target.claim(claimId, account, amount, proof) {
            reentered = true;
        } catch {}
    }
}
