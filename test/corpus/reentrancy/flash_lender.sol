// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface IBorrower {
    function onLoan(uint256 amount) external payable;
}

contract FlashLender {
    mapping(address => uint256) public deposits;
    uint256 public totalDeposits;

    function deposit() external payable {
        deposits[msg.sender] += msg.value;
        totalDeposits += msg.value;
    }

    function withdraw() external {
        uint256 amount = deposits[msg.sender];
        (bool ok, ) = msg.sender.call{value: amount}(""); // @vulnerable: reentrancy
        require(ok, "send");
        deposits[msg.sender] = 0;
        totalDeposits -= amount;
    }
}
