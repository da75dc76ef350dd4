// SPDX-License-Identifier: MIT
// Test-only: a payee that, when paid, tries to claim another leaf of the
// same epoch inside the payment (re-entrancy).
pragma solidity ^0.8.24;

interface IClaim {
    function claim(uint256 artifact, uint256 epoch, address account, uint256 amount, bytes32[] calldata proof) external;
}

contract Reenter {
    IClaim public target;
    uint256 public artifact;
    uint256 public epoch;
    address public account;
    uint256 public amount;
    bytes32[] public proof;
    bool public tried;
    bool public reentered;

    function arm(IClaim target_, uint256 artifact_, uint256 epoch_, address account_, uint256 amount_, bytes32[] calldata proof_) external {
        (target, artifact, epoch, account, amount, proof) = (target_, artifact_, epoch_, account_, amount_, proof_);
    }

    receive() external payable {
        if (tried) return;
        tried = true;
        try target.claim(artifact, epoch, account, amount, proof) {
            reentered = true;
        } catch {}
    }
}
