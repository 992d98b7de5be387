// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Guard {
    address public owner = msg.sender;
    uint256 public fee;

    modifier onlyOwner() { // @vulnerable: other
        require(msg.sender == owner, "owner");
    }

    function setFee(uint256 f) external onlyOwner { fee = f; emit FeeSet(f); }

    event FeeSet(uint256 f);
}
